package sc.fiji.autoencoders.ij1;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.PluginInfo;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;
import sc.fiji.autoencoders.op.Outcome;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Variant;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Every menu entry of plugins.config: {@code OperationPlugIn("name")} or {@code OperationPlugIn("name:variant")}
 * runs that {@link Operation} (in the isolated engine when one is needed): a dialog of the settings the task needs
 * (those of the variant, not marked advanced), an "Advanced options" step for the others, both recorded into one macro
 * line and replayed from it (earlier keys as aliases), then the work, with progress and Esc, and the result shown.
 * Bad input is one message naming the fix, never a stack trace.
 */
public final class OperationPlugIn implements PlugIn {

	@Override
	public void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		final String name = arg.contains(":") ? arg.substring(0, arg.indexOf(':')) : arg;
		final String variant = arg.contains(":") ? arg.substring(arg.indexOf(':') + 1) : null;
		final PluginInfo<Operation<?, ?>> info = Operations.info(Operations.get(name).getClass());
		final String title = (variant != null ? Variant.of(Operations.create(info), variant).label : info.getLabel())
			.replace("...", "");
		try {
			run(Operations.create(info), variant, title);
		}
		catch (final BadInputException e) {
			PlugInSupport.error(title, e.getMessage());
		}
		catch (final PredictionMonitor.CancelledException e) {
			IJ.resetEscape();
			IJ.showProgress(1.0);
			IJ.showStatus(title + ": cancelled");
		}
	}

	private <S, R> void run(final Operation<S, R> op, final String variantId, final String title) {
		final Variant<S> variant = Variant.of(op, variantId);
		final S settings = Settings.defaults(op.settingsType());
		if (variant != null) variant.apply(settings);
		final List<Field> basic = new ArrayList<>(), advanced = new ArrayList<>();
		for (final Field f : Variant.shown(op, variant))
			(Settings.setting(f).advanced() ? advanced : basic).add(f);
		final String macro = Macro.getOptions();
		if (macro != null) Macro.setOptions(SettingsDialog.withAliases(macro, op.settingsType()));
		final GenericDialog gd = new GenericDialog(title);
		SettingsDialog.add(gd, settings, basic);
		if (!advanced.isEmpty()) gd.addCheckbox(SettingsDialog.ADVANCED, false);
		SettingsDialog.addHelp(gd, Operations.info(op.getClass()).getDescription(), basic, advanced);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		SettingsDialog.read(gd, settings, basic);
		// a macro reads every key, whether or not the advanced step was opened when it was recorded
		if (!advanced.isEmpty() && (gd.getNextBoolean() || Macro.getOptions() != null)) {
			final GenericDialog more = new GenericDialog(title + ": advanced options");
			SettingsDialog.add(more, settings, advanced);
			SettingsDialog.addHelp(more, "", advanced, List.of());
			more.showDialog();
			if (more.wasCanceled()) return;
			SettingsDialog.read(more, settings, advanced);
		}
		// the result: its message in the Log, its images and plots in windows, its tables
		final Outcome o = Outcome.of(Operations.run(op, settings, new Ij1Task(title)), settings, op.resultName() != null
			? op.resultName() : title);
		if (o.message != null) IJ.log(o.message);
		o.outputs.forEach((name, value) -> {
			if (value instanceof ImagePlus) PlugInSupport.show((ImagePlus) value);
			else if (value instanceof ResultsTable) ((ResultsTable) value).show(name);
		});
	}
}
