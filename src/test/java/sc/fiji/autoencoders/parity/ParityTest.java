package sc.fiji.autoencoders.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.scijava.plugin.Parameter;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import sc.fiji.autoencoders.Choices;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.op.codes.EncodeSettings;
import sc.fiji.autoencoders.op.denoising.EvaluateSettings;
import sc.fiji.autoencoders.op.models.ExportSettings;
import sc.fiji.autoencoders.op.codes.GenerateSettings;
import sc.fiji.autoencoders.op.codes.InterpolateSettings;
import sc.fiji.autoencoders.op.codes.LatentArithmeticSettings;
import sc.fiji.autoencoders.op.codes.LatentPlotSettings;
import sc.fiji.autoencoders.op.denoising.SelfSupervisedSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.codes.TrainAutoencoderSettings;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.op.codes.TrainVaeSettings;
import sc.fiji.autoencoders.op.codes.WalkSettings;
import sc.fiji.autoencoders.cli.Main;
import sc.fiji.autoencoders.command.DenoiseWithAutoencoder;
import sc.fiji.autoencoders.command.DenoiseWithNoise2Void;
import sc.fiji.autoencoders.command.EncodeWithVae;
import sc.fiji.autoencoders.command.EvaluateDenoiser;
import sc.fiji.autoencoders.command.ExportToBioImageIo;
import sc.fiji.autoencoders.command.GenerateFromVae;
import sc.fiji.autoencoders.command.InterpolateInVaeLatentSpace;
import sc.fiji.autoencoders.command.LatentArithmetic;
import sc.fiji.autoencoders.command.LatentSpacePlot;
import sc.fiji.autoencoders.command.TrainAutoencoderForFeatures;
import sc.fiji.autoencoders.command.TrainDenoisingAutoencoder;
import sc.fiji.autoencoders.command.TrainVariationalAutoencoder;
import sc.fiji.autoencoders.command.VaeLatentWalk;
import sc.fiji.autoencoders.ij1.DenoisePlugIn;
import sc.fiji.autoencoders.ij1.Noise2VoidPlugIn;
import sc.fiji.autoencoders.ij1.DialogPlugIn;
import sc.fiji.autoencoders.ij1.EncodeVaePlugIn;
import sc.fiji.autoencoders.ij1.EvaluateDenoiserPlugIn;
import sc.fiji.autoencoders.ij1.ExportPlugIn;
import sc.fiji.autoencoders.ij1.GenerateVaePlugIn;
import sc.fiji.autoencoders.ij1.InterpolateVaePlugIn;
import sc.fiji.autoencoders.ij1.LatentArithmeticPlugIn;
import sc.fiji.autoencoders.ij1.LatentPlotPlugIn;
import sc.fiji.autoencoders.ij1.LatentWalkPlugIn;
import sc.fiji.autoencoders.ij1.TrainAutoencoderPlugIn;
import sc.fiji.autoencoders.ij1.TrainDenoiserPlugIn;
import sc.fiji.autoencoders.ij1.TrainVaePlugIn;

/**
 * Every operation offers every one of its settings, with the core's default, in every front end: the CLI option
 * ({@code --max-filters}), the SciJava parameter and the ImageJ 1 macro key ({@code max_filters}). The settings classes
 * are the one list; this test fails when a front end lacks one or shows another default.
 */
class ParityTest {

	/** One operation: its settings and its three front ends. */
	private static final class Operation {

		final Class<?> settings;
		final String subcommand;
		final Class<?> command;
		final Class<? extends DialogPlugIn> plugIn;

		Operation(final Class<?> settings, final String subcommand, final Class<?> command,
			final Class<? extends DialogPlugIn> plugIn)
		{
			this.settings = settings;
			this.subcommand = subcommand;
			this.command = command;
			this.plugIn = plugIn;
		}
	}

	private static final List<Operation> OPERATIONS = List.of( //
		new Operation(TrainDenoiserSettings.class, "train-denoiser", TrainDenoisingAutoencoder.class,
			TrainDenoiserPlugIn.class), //
		new Operation(DenoiseSettings.class, "denoise", DenoiseWithAutoencoder.class, DenoisePlugIn.class), //
		new Operation(SelfSupervisedSettings.class, "denoise", DenoiseWithNoise2Void.class, Noise2VoidPlugIn.class), //
		new Operation(EvaluateSettings.class, "evaluate", EvaluateDenoiser.class, EvaluateDenoiserPlugIn.class), //
		new Operation(TrainVaeSettings.class, "train-vae", TrainVariationalAutoencoder.class, TrainVaePlugIn.class), //
		new Operation(TrainAutoencoderSettings.class, "train-autoencoder", TrainAutoencoderForFeatures.class,
			TrainAutoencoderPlugIn.class), //
		new Operation(GenerateSettings.class, "generate", GenerateFromVae.class, GenerateVaePlugIn.class), //
		new Operation(LatentArithmeticSettings.class, "arithmetic", LatentArithmetic.class,
			LatentArithmeticPlugIn.class), //
		new Operation(LatentPlotSettings.class, "latent-plot", LatentSpacePlot.class, LatentPlotPlugIn.class), //
		new Operation(EncodeSettings.class, "encode", EncodeWithVae.class, EncodeVaePlugIn.class), //
		new Operation(InterpolateSettings.class, "interpolate", InterpolateInVaeLatentSpace.class,
			InterpolateVaePlugIn.class), //
		new Operation(WalkSettings.class, "walk", VaeLatentWalk.class, LatentWalkPlugIn.class), //
		new Operation(ExportSettings.class, "export", ExportToBioImageIo.class, ExportPlugIn.class));

	@Test
	void settingsAreWhatTheFrontEndsNameThem() throws Exception {
		final Field f = TrainDenoiserSettings.class.getField("maxFilters");
		assertEquals("max_filters", Settings.key(f));
		assertEquals("--max-filters", Settings.option(f));
		final List<String> keys = new ArrayList<>();
		for (final Field s : Settings.fields(TrainDenoiserSettings.class))
			keys.add(Settings.key(s));
		assertEquals(List.of("mode", "noisy_method", "channel", "channels", "noise", "structn2v", "mask_percent",
			"mask_replacement", "no_n2v2", "minutes", "epochs",
			"steps_per_epoch", "patch_size", "patch_planes", "batch_size", "dims", "z_pooling", "depth", "filters", "max_filters", "architecture", "upsampling", "no_residual", "learning_rate", "schedule",
			"warmup", "seed", "threads", "precision", "resume_from"), keys);
	}

	/**
	 * ImageJ finds a macro key as the first "key=" not preceded by a letter, so "depth=" also matches inside
	 * "patch_depth=16": no key may end another key that comes before it in a recorded line (the dialog order).
	 */
	@Test
	void noMacroKeyIsReadFromAnEarlierOne() {
		for (final Operation op : OPERATIONS) {
			final List<String> keys = new ArrayList<>(List.of("image", "target", "model_file"));
			for (final Field f : Settings.fields(op.settings))
				keys.add(Settings.key(f));
			for (int i = 0; i < keys.size(); i++)
				for (int j = 0; j < i; j++)
					assertTrue(!keys.get(j).endsWith("_" + keys.get(i)), op.settings.getSimpleName() + ": key " + keys.get(
						i) + " would be read from " + keys.get(j) + "=... in a recorded macro");
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
	void cliOffersEverySettingWithTheCoreDefault() throws Exception {
		final CommandLine main = new CommandLine(new Main());
		for (final Operation op : OPERATIONS) {
			final CommandLine sub = main.getSubcommands().get(op.subcommand);
			assertNotNull(sub, op.subcommand);
			for (final Field f : Settings.fields(op.settings))
				assertNotNull(sub.getCommandSpec().findOption(Settings.option(f)), "fiji-ae " + op.subcommand +
					" lacks " + Settings.option(f));
			// parse with only the required options: every other field then holds its default
			final List<String> args = new ArrayList<>(List.of(op.subcommand));
			for (final OptionSpec o : sub.getCommandSpec().options())
				if (o.required()) {
					args.add(o.longestName());
					args.add("x");
				}
			final CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args.toArray(new String[0]));
			assertSameSettings(op, "fiji-ae " + op.subcommand, parsed.subcommand().commandSpec().userObject());
		}
	}

	@Test
	void sciJavaCommandsOfferEverySettingWithTheCoreDefault() throws Exception {
		for (final Operation op : OPERATIONS) {
			for (final Field f : Settings.fields(op.settings)) {
				final Field p = declaredField(op.command, Settings.key(f));
				final Parameter a = p.getAnnotation(Parameter.class);
				assertNotNull(a, op.command.getSimpleName() + "." + p.getName() + " is not a @Parameter");
				final Choices choices = f.getAnnotation(Choices.class);
				if (choices != null) assertArrayEquals(choices.value(), a.choices(), op.command.getSimpleName() + "." +
					p.getName() + " choices");
			}
			final var ctor = op.command.getDeclaredConstructor();
			ctor.setAccessible(true);
			assertSameSettings(op, op.command.getSimpleName(), ctor.newInstance());
		}
	}

	@Test
	void imageJ1DialogsOfferEverySettingWithTheCoreDefault() throws Exception {
		// CI runs under xvfb-run: there, a skipped display test would hide a missing option or a broken dialog
		if ("true".equals(System.getenv("CI"))) org.junit.jupiter.api.Assertions.assertFalse(java.awt.GraphicsEnvironment
			.isHeadless(), "headless under CI: something set java.awt.headless before the display tests ran");
		Assumptions.assumeFalse(java.awt.GraphicsEnvironment.isHeadless(), "ImageJ 1 dialogs need a display (xvfb-run)");
		final ImagePlus image = new ImagePlus("parity", new ij.process.FloatProcessor(8, 8));
		WindowManager.setTempCurrentImage(image);
		try {
			for (final Operation op : OPERATIONS) {
				final GenericDialog gd = new GenericDialog("parity");
				final Method add = DialogPlugIn.class.getDeclaredMethod("addFields", GenericDialog.class);
				add.setAccessible(true);
				add.invoke(op.plugIn.getDeclaredConstructor().newInstance(), gd);
				final Map<String, String> shown = fields(gd);
				final Object defaults = op.settings.getDeclaredConstructor().newInstance();
				for (final Field f : Settings.fields(op.settings)) {
					final String where = op.plugIn.getSimpleName() + " key " + Settings.key(f);
					assertTrue(shown.containsKey(Settings.key(f)), where + " missing; the dialog has " + shown.keySet());
					final Object d = Settings.get(f, defaults);
					final String v = shown.get(Settings.key(f));
					if (d instanceof Number) assertEquals(((Number) d).doubleValue(), Double.parseDouble(v), 1e-6 * Math
						.abs(((Number) d).doubleValue()), where);
					else assertEquals(d == null ? "" : d.toString(), v, where);
				}
				gd.dispose();
			}
		}
		finally {
			WindowManager.setTempCurrentImage(null);
			image.close();
		}
	}

	// -- Helper methods --

	/** The field of that name declared by the class or the nearest superclass (shared parameters live in a base). */
	private static Field declaredField(final Class<?> type, final String name) throws NoSuchFieldException {
		for (Class<?> c = type; c != null; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields())
				if (f.getName().equals(name)) return f;
		throw new NoSuchFieldException(type.getSimpleName() + " (or a superclass) has no field " + name);
	}

	private static void assertSameSettings(final Operation op, final String frontEnd, final Object source)
		throws Exception
	{
		final Object expected = op.settings.getDeclaredConstructor().newInstance();
		final Object actual = Settings.copy(source, op.settings.getDeclaredConstructor().newInstance());
		for (final Field f : Settings.fields(op.settings))
			assertTrue(Objects.equals(Settings.get(f, expected), Settings.get(f, actual)), frontEnd + ": default of " +
				Settings.key(f) + " is " + Settings.get(f, actual) + ", the core's is " + Settings.get(f, expected));
	}

	/** Macro key -> shown value of every field of the dialog, in order (labels show the key's _ as spaces). */
	private static Map<String, String> fields(final GenericDialog gd) {
		final List<Component> all = new ArrayList<>();
		collect(gd, all);
		final Map<String, String> out = new LinkedHashMap<>();
		String label = null;
		for (final Component c : all) {
			if (c instanceof Label) label = ((Label) c).getText().trim().replace(' ', '_');
			else if (c instanceof Checkbox) out.put(((Checkbox) c).getLabel().trim().replace(' ', '_'), Boolean
				.toString(((Checkbox) c).getState()));
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
