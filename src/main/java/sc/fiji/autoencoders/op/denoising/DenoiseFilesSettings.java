package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.util.List;

import sc.fiji.autoencoders.op.Setting;

/** Settings of denoising files and folders into a folder, plane by plane, with the defaults every front end shows. */
public final class DenoiseFilesSettings extends PredictionSettings {

	@Setting(label = "Noisy images", required = true, help = "TIFF/PNG files (stacks, hyperstacks) or folders of " +
		"them, or OME-Zarr images (.zarr folders: Zarr v2 / OME-NGFF 0.4 or Zarr v3 / OME-NGFF 0.5, sharded or " +
		"not), read and written block by block in the input's format.")
	public List<File> input;
	@Setting(label = "Output folder", writes = true, required = true, help = "Folder for the denoised 32-bit TIFFs, " +
		"named as the inputs (an OME-Zarr input: NAME.ome.zarr there); for one OME-Zarr input, a path ending in .zarr " +
		"is the output image itself.")
	public File output;
	@Setting(label = "Each folder is one Z stack", advanced = true, help = "Each folder of the inputs is one Z stack: " +
		"its image files, sorted by name, are the planes (one size and type), read one at a time and denoised into " +
		"one 32-bit TIFF stack FOLDER.tif. Without it, a folder's files are denoised each into its own TIFF.")
	public boolean stack;
	@Setting(label = "Read every stack plane by plane", advanced = true, help = "Read every TIFF stack plane by plane " +
		"(as a virtual stack), whatever its size; without it, only stacks larger than a quarter of the Java heap are.")
	public boolean stream;
	@Setting(label = "Resume an OME-Zarr output", advanced = true, help = "An OME-Zarr output that exists is kept and " +
		"only its missing chunks are denoised (a rerun after an interruption gives the uninterrupted result); without " +
		"it or overwrite, an existing output is refused. With spark, TIFF outputs that exist, and the parts of stacks " +
		"already denoised, are kept too.")
	public boolean resume;
	@Setting(label = "Overwrite an OME-Zarr output", advanced = true, help = "An OME-Zarr output that exists is " +
		"deleted first (only an OME-Zarr image or an empty folder).")
	public boolean overwrite;
	@Setting(label = "Run on Apache Spark", advanced = true, commandLineOnly = true, help = "Denoise on Apache " +
		"Spark: for an OME-Zarr input, blocks of whole output chunks are the tasks; for TIFF stacks and folders of " +
		"images, runs of planes (a 2D model) or whole files (a 3D model) (see docs/SCALE.md). Needs Java 17 and the " +
		"Spark module (bin/fiji-ae adds it).")
	public boolean spark;
	@Setting(label = "Spark master", advanced = true, commandLineOnly = true, help = "With spark: local[N] (Spark " +
		"inside this process, N cores), spark://HOST:7077 (a standalone cluster), or yarn, k8s://...; empty: the " +
		"master spark-submit gives, else local[*].")
	public String master = "";
	@Setting(label = "Cores per Spark executor", min = "1", advanced = true, commandLineOnly = true, help = "With " +
		"spark on a cluster: cores of each executor, all for one task at a time and its TensorFlow threads (one model " +
		"per executor). local[N] uses N; spark-submit's --executor-cores wins.")
	public int executorCores = 1;
	@Setting(label = "Train Noise2Void on the inputs first", help = "No model needed: train Noise2Void on the inputs " +
		"themselves (minutes, structn2v), then denoise them with it (keep it with save_model).")
	public boolean selfSupervised;
	/** {@link SelfSupervisedSettings#minutes}, for {@link #selfSupervised}. */
	@Setting(label = "Training time", unit = "minutes", min = "0", advanced = true, help = "With self-supervised: " +
		"how long Noise2Void trains.")
	public double minutes = new SelfSupervisedSettings().minutes;
	@Setting(label = "Noise correlated along", choices = { "none", "x", "y" }, advanced = true, help = "With " +
		"self-supervised: also mask a line of pixels along x or y (structN2V), for noise correlated along rows or " +
		"columns.")
	public String structn2v = "none";
	@Setting(label = "Keep the model as", writes = true, advanced = true, transientValue = true, help = "With " +
		"self-supervised: keep the trained model in this file.")
	public File saveModel;

	@Setting(label = "Posterior samples (DivNoising)", min = "0", help = "With a DivNoising model: draw this many " +
		"samples of the clean image per plane and write NAME.tif (their mean, the MMSE) and NAME-spread.tif (the " +
		"per-pixel standard deviation of the clean signal, image units, calibrated); 0: NAME.tif only.")
	public int samples = 0;
	@Setting(label = "Keep the samples", help = "With samples: also write NAME-samples.tif, the samples along an " +
		"added axis (Z; a stack's planes as frames).")
	public boolean keepSamples;
	@Setting(label = "Random seed of the samples", advanced = true, help = "With samples: the same seed gives the " +
		"same samples.")
	public long seed = 1;

	/** The self-supervised training's settings. */
	SelfSupervisedSettings selfTraining() {
		final SelfSupervisedSettings s = new SelfSupervisedSettings();
		s.minutes = minutes;
		s.structn2v = structn2v;
		s.saveModel = saveModel;
		return s;
	}
}
