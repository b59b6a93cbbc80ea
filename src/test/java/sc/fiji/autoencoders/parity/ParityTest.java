package sc.fiji.autoencoders.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.Label;
import java.awt.TextField;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginInfo;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import sc.fiji.autoencoders.cli.Main;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Variant;
import sc.fiji.autoencoders.op.codes.TrainVaeSettings;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;

/**
 * Every front end is derived from the operations' settings, so none can lack an option or show another default: this
 * test checks the derivation. For every operation found by {@link Operations}: the CLI subcommand has every option
 * ({@code --max-filters}, and the declared aliases) with the core's default; the SciJava command of the same
 * operation has every input (macro key {@code max_filters}) with the core's default; the ImageJ 1 dialogs of every
 * variant show exactly the variant's settings with the core's defaults, as macro keys.
 */
class ParityTest {

	@Test
	void settingsAreWhatTheFrontEndsNameThem() throws Exception {
		final Field f = TrainDenoiserSettings.class.getField("maxFilters");
		assertEquals("max_filters", Settings.key(f));
		assertEquals("--max-filters", Settings.option(f));
		final List<String> keys = new ArrayList<>();
		for (final Field s : Settings.fields(TrainDenoiserSettings.class))
			keys.add(Settings.key(s));
		assertEquals(List.of("clean", "noisy", "input", "target", "model", "mode", "noise", "noisy_method", "noise_model",
			"structn2v",
			"minutes", "channel", "dims", "channels", "mask_percent", "mask_replacement", "no_n2v2", "epochs",
			"steps_per_epoch", "patch_size", "patch_planes", "batch_size", "z_pooling", "depth", "filters", "max_filters",
			"architecture", "upsampling", "no_residual", "learning_rate", "schedule", "warmup", "seed", "threads",
			"precision", "resume_from"), keys);
	}

	/**
	 * ImageJ finds a macro key as the first "key=" not preceded by a letter, so "depth=" also matches inside
	 * "patch_depth=16": no key may end another key that comes before it in a recorded line (the dialog order).
	 */
	@Test
	void noMacroKeyIsReadFromAnEarlierOne() {
		for (final PluginInfo<Operation<?, ?>> info : Operations.all()) {
			final List<String> keys = new ArrayList<>();
			for (final Field f : Settings.fields(Operations.create(info).settingsType()))
				keys.add(Settings.key(f));
			for (int i = 0; i < keys.size(); i++)
				for (int j = 0; j < i; j++)
					assertTrue(!keys.get(j).endsWith("_" + keys.get(i)), info.getName() + ": key " + keys.get(i) +
						" would be read from " + keys.get(j) + "=... in a recorded macro");
		}
	}

	@Test
	void defaultsAreTheBestMeasured() {
		// docs/BENCHMARKS.md: depth 4, at most 128 filters, batch 8, warm-up 100, 15 minutes beat BM3D at sigma 25/50
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		assertEquals(4, s.depth);
		assertEquals(128, s.maxFilters);
		assertEquals(8, s.batchSize);
		assertEquals(100, s.warmup);
		assertEquals(15.0, s.minutes);
		assertEquals(15.0, new TrainVaeSettings().minutes);
	}

	@Test
	void cliOffersEverySettingWithTheCoreDefault() {
		final CommandLine main = Main.commandLine();
		for (final PluginInfo<Operation<?, ?>> info : Operations.all()) {
			final CommandLine sub = main.getSubcommands().get(info.getName());
			assertNotNull(sub, info.getName());
			// parse with the required options only: every other option then holds its default
			final List<String> args = new ArrayList<>(List.of(info.getName()));
			for (final OptionSpec o : sub.getCommandSpec().options())
				if (o.required()) args.addAll(List.of(o.longestName(), "x"));
			final CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(new String[0]));
			final Class<?> type = Operations.create(info).settingsType();
			final Object defaults = Settings.defaults(type);
			for (final Field f : Settings.fields(type)) {
				final OptionSpec o = parsed.subcommand().commandSpec().findOption(Settings.option(f));
				assertNotNull(o, "fiji-ae " + info.getName() + " lacks " + Settings.option(f));
				for (final String name : Settings.options(type, f))
					assertEquals(o, parsed.subcommand().commandSpec().findOption(name), name);
				if (!Settings.isData(f)) assertSame(Settings.get(f, defaults), o.getValue(), "fiji-ae " + info.getName() +
					" " + Settings.option(f));
			}
		}
	}

	@Test
	void sciJavaCommandsOfferEverySettingWithTheCoreDefault() throws Exception {
		try (Context context = new Context(CommandService.class, ModuleService.class,
			sc.fiji.autoencoders.command.OperationCommandService.class)) {
			final CommandService commands = context.service(CommandService.class);
			int checked = 0;
			for (final CommandInfo info : commands.getCommands())
				if (info.getClassName().startsWith("sc.fiji.autoencoders.command.")) {
					final Module m = context.service(ModuleService.class).createModule(info);
					final Operation<?, ?> op = operationOf((Command) m.getDelegateObject());
					final Object defaults = Settings.defaults(op.settingsType());
					final Variant<?> variant = TrainDenoiserSettings.class == op.settingsType() ? all(op) : null;
					if (variant != null) apply(variant, defaults);
					for (final Field f : Settings.fields(op.settingsType())) {
						if (Settings.setting(f).commandLineOnly() || variant != null && !variant.shows(Settings.setting(f)))
							continue;
						final ModuleItem<?> in = m.getInfo().getInput(Settings.key(f));
						assertNotNull(in, info.getClassName() + " lacks input " + Settings.key(f));
						if (!Settings.isData(f)) assertSame(Settings.get(f, defaults), in.getDefaultValue(), info
							.getClassName() + " " + Settings.key(f));
					}
					checked++;
				}
			assertEquals(Operations.all().size(), checked, "one SciJava command per operation");
			// the names of the commands of every earlier version, which scripts call
			for (final String name : List.of("AutoencoderAnomalyMap", "AutoencoderModelInfo", "DenoiseWithAutoencoder",
				"DenoiseWithNoise2Void", "EncodeWithVae", "EvaluateDenoiser", "ExportToBioImageIo", "GenerateFromVae",
				"InterpolateInVaeLatentSpace", "LatentArithmetic", "LatentSpacePlot", "TrainAutoencoderForFeatures",
				"TrainDenoisingAutoencoder", "TrainVariationalAutoencoder", "VaeLatentWalk"))
				assertNotNull(commands.getCommand("sc.fiji.autoencoders.command." + name), name);
		}
	}

	@Test
	void imageJ1DialogsShowTheVariantsSettingsWithTheCoreDefaults() throws Exception {
		// CI runs under xvfb-run: there, a skipped display test would hide a missing option or a broken dialog
		if ("true".equals(System.getenv("CI"))) org.junit.jupiter.api.Assertions.assertFalse(java.awt.GraphicsEnvironment
			.isHeadless(), "headless under CI: something set java.awt.headless before the display tests ran");
		Assumptions.assumeFalse(java.awt.GraphicsEnvironment.isHeadless(), "ImageJ 1 dialogs need a display (xvfb-run)");
		final ImagePlus image = new ImagePlus("parity", new ij.process.FloatProcessor(8, 8));
		WindowManager.setTempCurrentImage(image);
		final Class<?> dialogs = Class.forName("sc.fiji.autoencoders.ij1.SettingsDialog");
		final Method add = dialogs.getDeclaredMethod("add", GenericDialog.class, Object.class, List.class);
		add.setAccessible(true);
		final Method label = dialogs.getDeclaredMethod("label", Field.class);
		label.setAccessible(true);
		try {
			for (final PluginInfo<Operation<?, ?>> info : Operations.all()) {
				final Operation<?, ?> op = Operations.create(info);
				final List<Variant<?>> variants = new ArrayList<>(op.variants());
				if (variants.isEmpty()) variants.add(null);
				for (final Variant<?> v : variants) {
					final Object defaults = Settings.defaults(op.settingsType());
					if (v != null) apply(v, defaults);
					final List<Field> shown = new ArrayList<>();
					for (final Field f : Settings.fields(op.settingsType()))
						if (!Settings.setting(f).commandLineOnly() && (v == null || v.shows(Settings.setting(f)))) shown.add(f);
					final GenericDialog gd = new GenericDialog("parity");
					add.invoke(null, gd, defaults, shown);
					final Map<String, String> fields = fields(gd);
					final String where = info.getName() + (v == null ? "" : ":" + v.id);
					// each field's label starts with its macro key (ImageJ records the label up to its first space)
					final List<String> labels = new ArrayList<>();
					for (final Field f : shown) {
						final String l = (String) label.invoke(null, f);
						assertEquals(Settings.key(f), l.split(" ")[0].toLowerCase(), where + " " + l);
						labels.add(l.replace('_', ' '));
					}
					assertEquals(labels, new ArrayList<>(fields.keySet()), where);
					for (final Field f : shown) {
						if (Settings.isData(f)) continue;
						final Object d = Settings.get(f, defaults);
						final String value = fields.get(((String) label.invoke(null, f)).replace('_', ' '));
						if (d instanceof Number) assertEquals(((Number) d).doubleValue(), Double.parseDouble(value), 1e-6 *
							Math.abs(((Number) d).doubleValue()), where + " " + Settings.key(f));
						else assertEquals(d == null ? "" : d.toString(), value, where + " " + Settings.key(f));
					}
					gd.dispose();
				}
			}
		}
		finally {
			WindowManager.setTempCurrentImage(null);
			image.close();
		}
	}

	// -- Helper methods --

	private static void assertSame(final Object expected, final Object actual, final String where) {
		final boolean same = expected instanceof Number && actual instanceof Number ? ((Number) expected)
			.doubleValue() == ((Number) actual).doubleValue() : Objects.equals(expected, actual) || expected == null &&
				"".equals(actual);
		assertTrue(same, where + ": default " + actual + ", the core's is " + expected);
	}

	private static Operation<?, ?> operationOf(final Command command) throws ReflectiveOperationException {
		final Field operation = sc.fiji.autoencoders.command.OperationCommand.class.getDeclaredField("operation");
		operation.setAccessible(true);
		return Operations.get((String) operation.get(command));
	}

	private static Variant<?> all(final Operation<?, ?> op) {
		for (final Variant<?> v : op.variants())
			if (v.id.equals(TrainDenoiserSettings.ALL)) return v;
		return null;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void apply(final Variant v, final Object settings) {
		v.apply(settings);
	}

	/** Shown label -> shown value of every field of the dialog, in order (labels show the key's _ as spaces). */
	private static Map<String, String> fields(final GenericDialog gd) {
		final List<Component> all = new ArrayList<>();
		collect(gd, all);
		final Map<String, String> out = new LinkedHashMap<>();
		String label = null;
		for (final Component c : all) {
			if (c instanceof Label) label = ((Label) c).getText().trim();
			else if (c instanceof Checkbox) out.put(((Checkbox) c).getLabel().trim(), Boolean.toString(((Checkbox) c)
				.getState()));
			else if (label != null && c instanceof TextField) {
				out.put(label, ((TextField) c).getText());
				label = null;
			}
			else if (label != null && c instanceof Choice) {
				out.put(label, ((Choice) c).getSelectedItem());
				label = null;
			}
		}
		return out;
	}

	private static void collect(final Container c, final List<Component> out) {
		for (final Component k : c.getComponents()) {
			out.add(k);
			if (k instanceof Container) collect((Container) k, out);
		}
	}
}
