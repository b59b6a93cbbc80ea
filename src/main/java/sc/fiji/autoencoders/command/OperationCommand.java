package sc.fiji.autoencoders.command;

import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.DynamicCommand;
import org.scijava.command.DynamicCommandInfo;
import org.scijava.log.LogService;
import org.scijava.module.DefaultMutableModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.ij1.LatentPlot;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.op.Variant;
import sc.fiji.autoencoders.op.codes.AnomalyMaps;
import sc.fiji.autoencoders.op.codes.LatentScatter;
import sc.fiji.autoencoders.predict.Evaluation;

/**
 * An {@link Operation} as a SciJava command: its inputs are the settings (named by their macro keys, with the
 * declared labels, help, choices, limits and defaults; earlier names as hidden aliases), derived when SciJava first
 * asks for them, so a command class is one line naming its operation. The result becomes the command's outputs (an
 * image or table under the command's output name; a training's "summary"; an anomaly map's "scores" and "error_map").
 * Runs in the isolated engine when one is needed.
 */
public abstract class OperationCommand extends DynamicCommand {

	private final Class<? extends Operation<?, ?>> type;
	private final String variant, output;
	private boolean declared;
	/** The inputs and the outputs by name: JDK maps of shared types, so that they cross into the engine's twin. */
	private Map<String, Object> values, results;

	@Parameter
	private LogService log;

	/**
	 * @param type the operation
	 * @param variant the variant whose settings are inputs, or null for all but the command line's own
	 * @param output the name of the result's output
	 */
	protected OperationCommand(final Class<? extends Operation<?, ?>> type, final String variant, final String output) {
		this.type = type;
		this.variant = variant;
		this.output = output;
	}

	@Override
	public DynamicCommandInfo getInfo() {
		final DynamicCommandInfo info = super.getInfo();
		if (!declared) {
			declared = true;
			declare(Operations.create(Operations.info(type)));
		}
		return info;
	}

	private <S> void declare(final Operation<S, ?> op) {
		final S defaults = Settings.defaults(op.settingsType());
		final Variant<S> v = variant(op);
		if (v != null) v.apply(defaults);
		final List<String> names = new ArrayList<>();
		for (final Field f : Settings.fields(op.settingsType())) {
			final Setting s = Settings.setting(f);
			if (s.commandLineOnly() || v != null && !v.shows(s)) continue;
			addInput(item(f, Settings.key(f), defaults, ItemVisibility.NORMAL));
			names.add(Settings.key(f));
		}
		// earlier names, for scripts written before: hidden, and read only where the name is not given
		for (final Field f : Settings.fields(op.settingsType()))
			for (final String alias : Settings.setting(f).aliases())
				if (!names.contains(alias) && names.contains(Settings.key(f))) {
					addInput(item(f, alias, defaults, ItemVisibility.INVISIBLE));
					names.add(alias);
				}
		for (final Map.Entry<String, Class<?>> e : outputs().entrySet()) {
			@SuppressWarnings({ "rawtypes", "unchecked" })
			final DefaultMutableModuleItem<?> out = new DefaultMutableModuleItem(this, e.getKey(), e.getValue());
			out.setIOType(ItemIO.OUTPUT);
			addOutput(out);
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private DefaultMutableModuleItem<?> item(final Field f, final String name, final Object defaults,
		final ItemVisibility visibility)
	{
		final Setting s = Settings.setting(f);
		final Class<?> t = Settings.isImages(f) ? ImagePlus.class : f.getType() == List.class ? File.class : f.getType();
		final DefaultMutableModuleItem item = new DefaultMutableModuleItem(this, name, t);
		item.setLabel(s.label() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")"));
		item.setDescription(s.help());
		item.setVisibility(visibility);
		// with earlier names, a script may give the value under one of them: the core names a missing one
		item.setRequired(s.required() && s.aliases().length == 0 && visibility == ItemVisibility.NORMAL);
		item.setPersisted(!s.transientValue() && visibility == ItemVisibility.NORMAL);
		if (s.writes()) item.setWidgetStyle(FileWidget.SAVE_STYLE);
		if (s.choices().length > 0) item.setChoices(List.of(s.choices()));
		final Object value = Settings.get(f, defaults);
		if (value != null && t == f.getType()) item.setDefaultValue(value);
		if (!s.min().isEmpty() && Number.class.isAssignableFrom(box(t))) item.setMinimumValue(number(t, s.min()));
		if (!s.max().isEmpty() && Number.class.isAssignableFrom(box(t))) item.setMaximumValue(number(t, s.max()));
		return item;
	}

	/** The outputs the operation's result type gives. */
	private Map<String, Class<?>> outputs() {
		final Map<String, Class<?>> out = new LinkedHashMap<>();
		final Class<?> r = resultType();
		if (AnomalyMaps.class.isAssignableFrom(r)) {
			out.put("scores", ResultsTable.class);
			out.put("error_map", ImagePlus.class);
		}
		else if (AutoencoderModel.class.isAssignableFrom(r) || r == String.class) out.put(output, String.class);
		else if (Evaluation.class.isAssignableFrom(r) || r == Object.class) out.put(output, ResultsTable.class);
		else if (LatentScatter.class.isAssignableFrom(r)) out.put(output, ImagePlus.class);
		else out.put(output, r);
		return out;
	}

	private Class<?> resultType() {
		for (final java.lang.reflect.Method m : type.getMethods())
			if (m.getName().equals("run") && m.getParameterCount() == 2 && !m.isBridge()) return m.getReturnType();
		return Object.class;
	}

	@Override
	public void run() {
		if (values == null) { // the twin in the engine has them already, and no services to ask
			values = new LinkedHashMap<>();
			// only what the script gave or the dialog asked: the other settings keep the core's defaults
			for (final org.scijava.module.ModuleItem<?> item : getInfo().inputs())
				if (isInputResolved(item.getName())) values.put(item.getName(), getInput(item.getName()));
		}
		results = new LinkedHashMap<>();
		if (!Engine.delegate((Runnable) this, Runnable::run)) { // TensorFlow isolated from legacy jars (a JDK type crosses)
			try {
				run(Operations.create(Operations.info(type)));
			}
			catch (final BadInputException e) {
				log.error(e.getMessage());
				cancel(e.getMessage());
			}
		}
		if (!Engine.isIsolated()) results.forEach(this::setOutput); // the twin has no services: its caller sets them
	}

	private <S, R> void run(final Operation<S, R> op) {
		final S settings = Settings.defaults(op.settingsType());
		final Variant<S> v = variant(op);
		if (v != null) v.apply(settings);
		final java.util.Set<String> used = new java.util.HashSet<>();
		for (final Field f : Settings.fields(op.settingsType())) {
			if (Settings.setting(f).commandLineOnly() || v != null && !v.shows(Settings.setting(f))) continue;
			Object value = values.get(Settings.key(f));
			// an earlier name shared by several settings (the "image" of every kind of training data) goes to the first
			for (final String alias : Settings.setting(f).aliases())
				if (value == null && values.get(alias) != null && used.add(alias)) value = values.get(alias);
			if (value == null) continue;
			if (f.getType() == List.class) value = java.util.Collections.singletonList(value);
			Settings.set(f, settings, value);
		}
		final R result = Operations.run(op, settings, new Task() {

			@Override
			public void log(final String line) {
				log.info(line);
			}

			@Override
			public sc.fiji.autoencoders.train.TrainingListener training() {
				return e -> {
					if (e.type != sc.fiji.autoencoders.train.TrainingEvent.Type.STEP) log.info(e.message);
				};
			}
		});
		present(result, settings);
	}

	private void present(final Object result, final Object settings) {
		if (result instanceof AnomalyMaps) {
			results.put("scores", ((AnomalyMaps) result).scores());
			results.put("error_map", ((AnomalyMaps) result).results().get(0).errorMap());
		}
		else if (result instanceof AutoencoderModel) {
			final String summary = "Saved " + Settings.writtenFile(settings) + ": " + ((AutoencoderModel) result).summary();
			log.info(summary);
			results.put(output, summary);
		}
		else if (result instanceof Evaluation) {
			log.info(((Evaluation) result).summary());
			results.put(output, ((Evaluation) result).table());
		}
		else if (result instanceof LatentScatter) results.put(output, LatentPlot.of((LatentScatter) result,
			"Latent space").getImagePlus());
		else results.put(output, result);
	}

	private <S> Variant<S> variant(final Operation<S, ?> op) {
		if (variant == null) return null;
		for (final Variant<S> v : op.variants())
			if (v.id.equals(variant)) return v;
		throw new IllegalStateException("No variant " + variant + " of " + type.getSimpleName());
	}

	private static Class<?> box(final Class<?> t) {
		return t == int.class ? Integer.class : t == long.class ? Long.class : t == float.class ? Float.class
			: t == double.class ? Double.class : t;
	}

	private static Number number(final Class<?> t, final String s) {
		final double d = Double.parseDouble(s);
		return t == int.class ? (Number) (int) d : t == long.class ? (Number) (long) d : t == float.class
			? (Number) (float) d : (Number) d;
	}
}
