package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.Task;

/**
 * Denoising of OME-Zarr images and image files by a cluster scheduler (Apache Spark: the {@code spark/} module), found through
 * {@link ServiceLoader} only when asked for, so that the plugin neither needs nor ships the scheduler's jars: Fiji never
 * loads a class of it.
 */
public interface DistributedDenoising {

	/**
	 * Denoises {@code input} into {@code output} as {@code ZarrDenoising} does on one machine (same blocks, same result,
	 * the same handling of an existing output), reporting progress to {@code task} and stopping when it is cancelled
	 * with the chunks written so far complete.
	 *
	 * @return a summary line for the user
	 * @throws BadInputException for input the job cannot run on, a scheduler that cannot be reached, or executors
	 *           that cannot load TensorFlow
	 */
	String denoise(File input, File output, File model, DenoiseFilesSettings settings, Task task);

	/**
	 * Denoises image files (TIFF stacks split by planes for 2D models, folders of planes, single images) into the
	 * {@code targets} (the same order) as one process would ({@link PlaneParts}), atomically per part; with
	 * {@code settings.resume} the targets and parts already written are kept.
	 *
	 * @return a summary line for the user
	 * @throws BadInputException as {@link #denoise}
	 */
	String denoiseFiles(List<File> sources, List<File> targets, File model, DenoiseFilesSettings settings, Task task);

	/**
	 * The scheduler on the class path.
	 *
	 * @throws BadInputException naming the fix if there is none, or this Java is too old for it
	 */
	static DistributedDenoising find() {
		final int java = Runtime.version().feature();
		if (java < 17) throw new BadInputException("--spark needs Java 17 or newer (Apache Spark 4); this is Java " +
			java + ": run bin/fiji-ae with JAVA=/path/to/java17, or leave out --spark.");
		try {
			final Iterator<DistributedDenoising> it = ServiceLoader.load(DistributedDenoising.class,
				DistributedDenoising.class.getClassLoader()).iterator();
			if (it.hasNext()) return it.next();
		}
		catch (final ServiceConfigurationError | LinkageError e) {
			throw new BadInputException("--spark: the Spark module is on the class path but does not load (" + e
				.getMessage() + "): rebuild it (mvn -f spark/pom.xml package) with Apache Spark's jars beside it.", e);
		}
		throw new BadInputException("--spark needs the Spark module, which is not on the class path: build it once " +
			"(mvn install -DskipTests, then mvn -f spark/pom.xml package -DskipTests) and run bin/fiji-ae, which adds it " +
			"and Spark's jars when --spark is given (docs/SCALE.md).");
	}
}
