package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.codes.CodeModels;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.models.ExportSettings;
import sc.fiji.autoencoders.base.BadInputException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingListener;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.VaeTrainer;

/**
 * Every kind of bad input a user can give ends in a {@link BadInputException} whose message names the problem and the
 * fix, through the {@link Autoencoders} facade that the Fiji commands, macros and the CLI share, or through the
 * trainers' {@code checkInput()}. Nothing here trains for more than a moment: inputs are rejected before training.
 * The messages are printed as markdown rows at the end (docs/wip/bad-inputs-table.md is made from them).
 */
public class BadInputTest {

	/** Case, message and test method, for the table. */
	private static final Map<String, String[]> ROWS = new TreeMap<>();

	@TempDir
	File dir;

	// -- Images --

	@Test
	public void imageSmallerThanThePatch() {
		final BadInputException e = bad("image smaller than the patch size", () -> Autoencoders.trainDenoiser(image(
			TestImages.blobs(24, 40, 1)), "gaussian:10", NetworkSpec.unet(1, 2), config(32), out(), null, null, null),
			"24x40, smaller than the patch size 32", "use a smaller patch");
		assertTrue(e.getMessage().contains("larger images"), e.getMessage());
	}

	@Test
	public void emptyImagesAndLists() {
		bad("empty image (no pixels) to train on", () -> Autoencoders.trainDenoiser(new ImagePlus(), "gaussian:10",
			NetworkSpec.unet(1, 2), config(16), out(), null, null, null), "holds no pixels", "open or create an image");
		bad("empty image to denoise", () -> Autoencoders.denoise(new ImagePlus(), denoiserFile(), "", 256,
			PredictionMonitor.NONE), "holds no pixels", "open or create an image");
		bad("empty image to train a VAE on", () -> CodeModels.trainVae(new ImagePlus(),
			new CodeModels.VaeSpecBuilder(), config(16), 0, out(), null, null, null), "holds no pixels",
			"open or create an image");
		checkInput("empty list of training planes (denoiser)", DenoiserTrainer.clean(TrainingImages.planes(List.of()),
			NoiseModels.parse("gaussian:10"), NetworkSpec.unet(1, 2), config(16))::checkInput,
			denoiserMessage(List.of()), "No training images", "give at least one clean image");
		final VaeTrainer vae = new VaeTrainer(TrainingImages.planes(List.of()), new VaeSpec(8, 8, 2, 1, 2,
			Likelihood.BERNOULLI, 1), config(16), 0);
		checkInput("empty list of training planes (VAE)", vae::checkInput, vae::getErrorMessage, "No images",
			"give a stack or a folder");
	}

	@Test
	public void vaeOnImagesOfDifferentSizes() throws IOException {
		final List<Plane> mixed = new ArrayList<>(TestImages.blobStack(3, 16, 16, 1));
		mixed.add(TestImages.blobs(16, 12, 9));
		final VaeTrainer t = new VaeTrainer(TrainingImages.planes(mixed), VaeTrainer.spec(mixed.get(0).view(), 2, 1, 2,
			Likelihood.BERNOULLI, 1), config(16), 0);
		checkInput("VAE training images of different sizes", t::checkInput, t::getErrorMessage,
			"image 4 is 16x12 and image 1 is 16x16", "crop or scale them to one size");
		final List<Plane> same = TestImages.blobStack(3, 16, 16, 1);
		final VaeTrainer t2 = new VaeTrainer(TrainingImages.planes(same), new VaeSpec(28, 28, 2, 1, 2,
			Likelihood.BERNOULLI, 1), config(16), 0);
		checkInput("VAE spec made for another image size (scripts)", t2::checkInput, t2::getErrorMessage,
			"spec is for 28x28 images but the images are 16x16", "make the spec from the images");
		bad("VAE model used on images of another size", () -> CodeModels.encode(image(TestImages.blobs(12, 12, 1)),
			vaeFile()), "is 12x12 but the VAE model was trained on 8x8", "use images of that size");
	}

	@Test
	public void rgbImages() {
		final ImagePlus rgb = new ImagePlus("color.png", new ColorProcessor(32, 32));
		bad("RGB image to train on", () -> Autoencoders.trainDenoiser(rgb, "gaussian:10", NetworkSpec.unet(1, 2), config(
			16), out(), null, null, null), "'color.png' is RGB", "convert it to 8-bit grayscale or split channels");
		bad("RGB image to denoise", () -> Autoencoders.denoise(rgb, denoiserFile(), "", 256, PredictionMonitor.NONE),
			"is RGB", "convert it");
	}

	@Test
	public void nanAndInfinitePixels() throws IOException {
		final Plane nan = TestImages.blobs(32, 32, 1);
		nan.set(5, 7, Float.NaN);
		bad("NaN pixels in training images", () -> Autoencoders.trainDenoiser(image(nan), "gaussian:10", NetworkSpec
			.unet(1, 2), config(16), out(), null, null, null), "contains NaN or infinite pixels",
			"replace them first (Process > Math > Remove NaNs...)");
		final List<Plane> inf = TestImages.blobStack(3, 8, 8, 1);
		inf.get(2).set(1, 1, Float.POSITIVE_INFINITY);
		final VaeTrainer t = new VaeTrainer(TrainingImages.planes(inf), VaeTrainer.spec(inf.get(0).view(), 2, 1, 2,
			Likelihood.BERNOULLI, 1), config(16), 0);
		checkInput("infinite pixels in VAE training images", t::checkInput, t::getErrorMessage,
			"Image 3 contains NaN or infinite pixels", "replace them first");
		final Plane nan8 = TestImages.blobs(8, 8, 1);
		nan8.set(0, 0, Float.NaN);
		bad("NaN pixels in images to encode with a VAE", () -> CodeModels.encode(image(nan8), vaeFile()),
			"contains NaN or infinite pixels", "replace them first");
	}

	@Test
	public void constantImages() {
		final Plane flat = new Plane(32, 32);
		Arrays.fill(flat.pixels(), 7);
		bad("all-constant training image (denoiser)", () -> Autoencoders.trainDenoiser(image(flat), "gaussian:10",
			NetworkSpec.unet(1, 2), config(16), out(), null, null, null), "constant (every pixel is 7.0)",
			"check that the right images were chosen");
		final List<Plane> flats = List.of(new Plane(8, 8), new Plane(8, 8), new Plane(8, 8));
		final VaeTrainer t = new VaeTrainer(TrainingImages.planes(flats), VaeTrainer.spec(flats.get(0).view(), 2, 1, 2,
			Likelihood.BERNOULLI, 1), config(16), 0);
		checkInput("all-constant training images (VAE)", t::checkInput, t::getErrorMessage, "are constant",
			"check that the right images were chosen");
	}

	// -- Model files --

	@Test
	public void missingTruncatedAndCorruptModelFiles() throws IOException {
		final ImagePlus img = image(TestImages.blobs(16, 16, 1));
		final File missing = new File(dir, "nowhere.aemodel");
		bad("missing model file", () -> Autoencoders.denoise(img, missing, "", 256, PredictionMonitor.NONE),
			"Model file not found: " + missing, "Check the path, or train a model first");
		final byte[] good = Files.readAllBytes(denoiserFile().toPath());
		final File truncated = new File(dir, "truncated.aemodel");
		Files.write(truncated.toPath(), Arrays.copyOf(good, good.length / 2));
		bad("truncated model file", () -> Autoencoders.denoise(img, truncated, "", 256, PredictionMonitor.NONE),
			"truncated.aemodel is damaged", "Retrain it or use another model file");
		final File text = new File(dir, "notes.aemodel");
		Files.write(text.toPath(), "not a model".getBytes(StandardCharsets.UTF_8));
		bad("corrupt model file (not a zip)", () -> Autoencoders.info(text), "notes.aemodel is damaged",
			"Retrain it or use another model file");
		final byte[] flipped = good.clone();
		flipped[flipped.length / 3] ^= 0x10;
		final File corrupt = new File(dir, "flipped.aemodel");
		Files.write(corrupt.toPath(), flipped);
		bad("corrupt model file (a flipped bit)", () -> CodeModels.generate(corrupt, 1, 1, 1), "flipped.aemodel is " +
			"damaged", "Retrain it or use another model file");
		bad("model path is a folder", () -> Autoencoders.info(dir), "is a folder", "give the .aemodel file inside it");
		bad("no model file chosen", () -> Autoencoders.denoise(img, null, "", 256, PredictionMonitor.NONE),
			"No model file given", "choose a denoiser .aemodel file");
	}

	@Test
	public void wrongKindOfModel() throws IOException {
		final ImagePlus img = image(TestImages.blobs(16, 16, 1));
		bad("VAE model given to denoise", () -> Autoencoders.denoise(img, vaeFile(), "", 256, PredictionMonitor.NONE),
			"is a vae model, but a denoiser model is needed", "use it with the VAE commands");
		bad("denoiser model given to generate", () -> CodeModels.generate(denoiserFile(), 2, 1, 1),
			"is a denoiser model, but a VAE or feature autoencoder is needed", "use it with Denoise with Autoencoder");
		bad("denoiser model given to resume VAE training", () -> CodeModels.trainVae(image(TestImages.blobs(8, 8, 1)),
			new CodeModels.VaeSpecBuilder(), config(16), 0, out(), denoiserFile(), null, null),
			"is a denoiser model, but a vae model is needed", "choose a vae model");
	}

	// -- Training settings --

	@Test
	public void nonPositiveEpochsBatchAndPatch() {
		final List<Plane> planes = TestImages.blobStack(2, 32, 32, 1);
		final TrainingConfig c = config(16);
		c.epochs = -1;
		checkInput("epochs -1", trainer(planes, c)::checkInput, denoiserMessage(planes, c), "Epochs must be 0 (no " +
			"limit: the time budget ends training) or positive (got -1)", "--epochs 50");
		c.epochs = 0; // no limit, and no time budget either
		checkInput("epochs 0, minutes 0", trainer(planes, c)::checkInput, denoiserMessage(planes, c), "Neither a " +
			"number of epochs nor a time budget is set", "--minutes 15");
		c.epochs = 1;
		c.batchSize = -2;
		checkInput("batch size -2", trainer(planes, c)::checkInput, denoiserMessage(planes, c), "Batch size must be " +
			"positive (got -2)", "set at least 1");
		c.batchSize = 2;
		c.patchSize = 0;
		checkInput("patch size 0", trainer(planes, c)::checkInput, denoiserMessage(planes, c), "Patch size must be " +
			"positive (got 0)", "set a multiple of 2^depth");
		c.patchSize = 16;
		c.stepsPerEpoch = 0;
		checkInput("steps per epoch 0", trainer(planes, c)::checkInput, denoiserMessage(planes, c), "Steps per epoch " +
			"must be positive (got 0)", "set at least 1");
		final TrainingConfig v = config(16);
		v.epochs = -1;
		bad("epochs -1 (VAE, through the facade)", () -> CodeModels.trainVae(image(TestImages.blobs(8, 8, 1)),
			new CodeModels.VaeSpecBuilder(), v, 0, out(), null, null, null), "Epochs must be 0 (no limit: the time " +
			"budget ends training) or positive (got -1)", "--epochs 50");
	}

	@Test
	public void patchNotAMultipleOfTheDownsampling() {
		bad("patch size not a multiple of 2^depth", () -> Autoencoders.trainDenoiser(image(TestImages.blobs(64, 64, 1)),
			"gaussian:10", NetworkSpec.unet(3, 2), config(36), out(), null, null, null),
			"Patch size 36 does not fit a network of depth 3", "use a multiple of 8");
	}

	@Test
	public void noiseSpecsThatDoNotParse() throws IOException {
		final ImagePlus img = image(TestImages.blobs(32, 32, 1));
		for (final String spec : new String[] { "gauss:25", "gaussian", "gaussian:-5", "gaussian:50-5", "poisson:0",
			"saltpepper:2", "gaussian:NaN", "" })
		{
			bad("noise spec '" + spec + "'", () -> Autoencoders.trainDenoiser(img, spec, NetworkSpec.unet(1, 2), config(
				16), out(), null, null, null), "Noise spec '" + spec + "' is not understood", "Use one of: gaussian:SIGMA");
		}
		bad("no noise spec", () -> Autoencoders.trainDenoiser(img, null, NetworkSpec.unet(1, 2), config(16), out(), null,
			null, null), "no noise spec was given", "Use one of");
		bad("noise spec that does not parse (evaluation)", () -> Autoencoders.evaluate(img, denoiserFile(),
			"poisson:-1", 1), "Noise spec 'poisson:-1' is not understood", "Use one of");
		final sc.fiji.autoencoders.model.AutoencoderModel n2v = TestModels.denoiser(NetworkSpec.unet(1, 2).withResidual(
			false), 1);
		n2v.mode = sc.fiji.autoencoders.model.TrainingMode.NOISY;
		n2v.noise = "none";
		final File n2vFile = new File(dir, "n2v.aemodel");
		ModelFile.save(n2v, n2vFile);
		bad("evaluating a Noise2Void model without a noise to add", () -> Autoencoders.evaluate(img, n2vFile, "", 1),
			"trained without a noise model (noisy mode)", "e.g. gaussian:25");
	}

	// -- Saving --

	@Test
	public void unwritableOutputFailsBeforeTraining() throws IOException {
		final ImagePlus img = image(TestImages.blobs(32, 32, 1));
		final List<Object> events = new ArrayList<>();
		final TrainingListener l = events::add;
		final File noFolder = new File(new File(dir, "no-such-folder"), "m.aemodel");
		bad("output folder does not exist", () -> Autoencoders.trainDenoiser(img, "gaussian:10", NetworkSpec.unet(1, 2),
			config(16), noFolder, null, l, null), "the folder does not exist", "Create it or choose another location");
		final File aFile = new File(dir, "plain.txt");
		Files.write(aFile.toPath(), new byte[] { 1 });
		bad("output 'folder' is a file", () -> Autoencoders.trainDenoiser(img, "gaussian:10", NetworkSpec.unet(1, 2),
			config(16), new File(aFile, "m.aemodel"), null, l, null), "is a file, not a folder",
			"Choose another location");
		bad("output path is a folder", () -> Autoencoders.trainDenoiser(img, "gaussian:10", NetworkSpec.unet(1, 2),
			config(16), dir, null, l, null), "is a folder", "Give a file name in it");
		bad("no output file chosen", () -> Autoencoders.trainDenoiser(img, "gaussian:10", NetworkSpec.unet(1, 2), config(
			16), null, null, l, null), "No model file to write", "choose where to save the model");
		assertEquals(List.of(), events, "nothing was trained");
	}

	@Test
	public void readOnlyFolder() throws IOException {
		final File ro = new File(dir, "read-only");
		assertTrue(ro.mkdir());
		assertTrue(ro.setWritable(false, false));
		try {
			Assumptions.assumeFalse(Files.isWritable(ro.toPath()), "running as root: permissions are not enforced");
			bad("output folder not writable", () -> Autoencoders.trainDenoiser(image(TestImages.blobs(32, 32, 1)),
				"gaussian:10", NetworkSpec.unet(1, 2), config(16), new File(ro, "m.aemodel"), null, null, null),
				"permission denied", "Choose a folder you can write to");
		}
		finally {
			ro.setWritable(true, false);
		}
	}

	@Test
	public void failedSaveKeepsThePreviousModel() throws IOException {
		final File target = new File(dir, "keep.aemodel");
		ModelFile.save(TestModels.denoiser(NetworkSpec.unet(1, 2), 1), target);
		final byte[] before = Files.readAllBytes(target.toPath());
		// the temporary file save() writes first cannot be created: a non-empty folder is in its way
		final File blocker = new File(dir, ".keep.aemodel.tmp");
		assertTrue(new File(blocker, "inside").mkdirs());
		final AutoencoderModel other = TestModels.denoiser(NetworkSpec.unet(1, 2), 2);
		bad("saving fails (model file kept)", () -> ModelFile.save(other, target), "Cannot save the model to " + target,
			"Check that the folder is writable and the disk has space");
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.save(other, target));
		assertTrue(e.getMessage().contains("any previous model file there is unchanged"), e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(target.toPath()));
		assertNotNull(ModelFile.load(target, ModelKind.DENOISER));
		bad("output cannot be written, checked before training", () -> Autoencoders.trainDenoiser(image(TestImages
			.blobs(32, 32, 1)), "gaussian:10", NetworkSpec.unet(1, 2), config(16), target, null, null, null),
			"Cannot save the model to " + target, "Choose a folder you can write to");
		assertArrayEquals(before, Files.readAllBytes(target.toPath()));
		assertTrue(new File(blocker, "inside").isDirectory(), "the user's files are left alone");
	}

	// -- Export to bioimage.io --

	@Test
	public void exportRefusals() throws IOException {
		final ExportSettings s = new ExportSettings();
		s.output = new File(dir, "out.zip");
		bad("export without a model file", () -> Autoencoders.export(s), "No model file given",
			"choose the denoiser .aemodel");
		s.model = vaeFile();
		bad("export of a VAE", () -> Autoencoders.export(s), "is not supported", "Export a denoiser");
		s.model = denoiserFile();
		s.license = "my own licence";
		bad("export with a license that is no SPDX id", () -> Autoencoders.export(s), "is not an SPDX identifier",
			"use one such as CC-BY-4.0");
		s.license = "CC-BY-4.0";
		s.output = new File(dir, "out.tar");
		bad("export to a file that is not a .zip", () -> Autoencoders.export(s), "must end in .zip", "e.g. out.tar.zip");
		s.output = new File(dir, "missing/out.zip");
		bad("export into a folder that does not exist", () -> Autoencoders.export(s), "does not exist",
			"create it or choose another location");
		s.output = new File(dir, "out.zip");
		final File tiny = new File(dir, "tiny.tif");
		ImageOutputs.writeTiff(image(TestImages.blobs(8, 8, 1)), tiny);
		s.sample = tiny;
		bad("export with a sample image smaller than the network's halo", () -> Autoencoders.export(s), "at least",
			"give a larger sample image, or none");
		assertFalse(s.output.exists(), "nothing written");
		// a bioimage.io package that is not ours, as a model file
		final File foreign = new File(dir, "foreign.zip");
		try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(foreign
			.toPath())))
		{
			z.putNextEntry(new java.util.zip.ZipEntry("rdf.yaml"));
			z.write("type: model\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			z.closeEntry();
			z.putNextEntry(new java.util.zip.ZipEntry("weights.pt"));
			z.closeEntry();
		}
		bad("a bioimage.io package without our model file, to denoise with", () -> ModelFile.load(foreign),
			"without a Fiji Autoencoders model attached", "Run other packages in deepImageJ");
	}

	@AfterAll
	static void printTable() {
		final StringBuilder sb = new StringBuilder("| input | what the user sees | test |\n|---|---|---|\n");
		ROWS.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v[0].replace("|", "\\|")).append(
			" | BadInputTest#").append(v[1]).append(" |\n"));
		System.out.println(sb);
	}

	// -- Helpers --

	/** Runs {@code run}, expecting a BadInputException whose message holds the problem and the fix. */
	private static BadInputException bad(final String input, final Executable run, final String problem,
		final String fix)
	{
		final BadInputException e = assertThrows(BadInputException.class, run, input);
		check(input, e.getMessage(), problem, fix);
		return e;
	}

	private static void checkInput(final String input, final Supplier<Boolean> checkInput,
		final Supplier<String> message, final String problem, final String fix)
	{
		assertFalse(checkInput.get(), input + ": checkInput() accepted it");
		check(input, message.get(), problem, fix);
	}

	private static void check(final String input, final String msg, final String problem, final String fix) {
		assertNotNull(msg, input);
		assertTrue(msg.contains(problem), input + ": the message does not name the problem ('" + problem + "'): " + msg);
		assertTrue(msg.contains(fix), input + ": the message does not name the fix ('" + fix + "'): " + msg);
		ROWS.put(input, new String[] { msg, caller() });
	}

	private static String caller() {
		for (final StackTraceElement s : new Throwable().getStackTrace())
			if (s.getClassName().equals(BadInputTest.class.getName()) && !List.of("check", "bad", "checkInput", "caller")
				.contains(s.getMethodName()) && !s.getMethodName().startsWith("lambda$")) return s.getMethodName();
		return "?";
	}

	private static ImagePlus image(final Plane p) {
		return ImagePlanes.toImagePlus("image.tif", List.of(p), 1, 1, 1);
	}

	private static TrainingConfig config(final int patch) {
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 1;
		c.stepsPerEpoch = 2;
		c.batchSize = 2;
		c.patchSize = patch;
		c.validationPatches = 2;
		c.threads = 1;
		return c;
	}

	private static DenoiserTrainer trainer(final List<Plane> planes, final TrainingConfig c) {
		return DenoiserTrainer.clean(TrainingImages.planes(planes), NoiseModels.parse("gaussian:10"),
			NetworkSpec.unet(1, 2), c);
	}

	/** The message of a fresh trainer's failed checkInput() (checkInput sets it). */
	private static Supplier<String> denoiserMessage(final List<Plane> planes) {
		return denoiserMessage(planes, config(16));
	}

	private static Supplier<String> denoiserMessage(final List<Plane> planes, final TrainingConfig c) {
		return () -> {
			final DenoiserTrainer t = trainer(planes, c);
			t.checkInput();
			return t.getErrorMessage();
		};
	}

	private File out() {
		return new File(dir, "out.aemodel");
	}

	private File denoiserFile() throws IOException {
		final File f = new File(dir, "denoiser.aemodel");
		if (!f.exists()) ModelFile.save(TestModels.denoiser(NetworkSpec.unet(1, 2), 1), f);
		return f;
	}

	private File vaeFile() throws IOException {
		final File f = new File(dir, "vae.aemodel");
		if (!f.exists()) ModelFile.save(TestModels.vae(new VaeSpec(8, 8, 2, 1, 2, Likelihood.BERNOULLI, 1), 1), f);
		return f;
	}
}
