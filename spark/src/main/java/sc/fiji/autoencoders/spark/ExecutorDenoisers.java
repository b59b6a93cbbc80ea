package sc.fiji.autoencoders.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Denoiser;

/**
 * The one denoiser of an executor JVM: built from the job's model on the executor's first block, kept for the next
 * blocks and jobs with the same model (its content hash, tile size, ensemble and thread count), replaced by another
 * job's. Blocks run one at a time through it (a task has all the executor's cores, which are TensorFlow's threads).
 */
final class ExecutorDenoisers {

	private static String key;
	private static Denoiser denoiser;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ExecutorDenoisers::close));
	}

	private ExecutorDenoisers() {}

	/** Gives {@code work} the denoiser of the model whose content hash is {@code hash}, loading it if needed. */
	static synchronized void run(final String hash, final Supplier<byte[]> model, final int tileSize,
		final boolean ensemble, final int threads, final Consumer<Denoiser> work)
	{
		final String k = hash + "/" + tileSize + "/" + ensemble + "/" + threads;
		if (!k.equals(key)) {
			close();
			denoiser = load(model.get(), tileSize, threads);
			denoiser.setEnsemble(ensemble);
			key = k;
			System.err.println("fiji-ae: model " + hash.substring(0, 12) + " loaded in executor JVM " + ProcessHandle
				.current().pid() + " with " + threads + " TensorFlow thread(s)");
		}
		work.accept(denoiser);
	}

	private static Denoiser load(final byte[] bytes, final int tileSize, final int threads) {
		final AutoencoderModel m;
		try {
			final Path tmp = Files.createTempFile("fiji-ae-model", ModelFile.EXTENSION);
			try {
				Files.write(tmp, bytes);
				m = ModelFile.load(tmp.toFile(), AutoencoderModel.DENOISER);
			}
			finally {
				Files.deleteIfExists(tmp);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot store the job's model in " + new File(System.getProperty(
				"java.io.tmpdir")), e);
		}
		try {
			return new Denoiser(m, tileSize, threads);
		}
		catch (final LinkageError e) {
			throw new BadInputException("A Spark executor on " + host() + " cannot load TensorFlow (" + e + "): its " +
				"machine needs Linux x86-64 or arm64 (glibc 2.28+), macOS arm64 or Windows x86-64, and the executor's " +
				"class path the TensorFlow jars (docs/SCALE.md).", e);
		}
	}

	private static synchronized void close() {
		if (denoiser != null) denoiser.close();
		denoiser = null;
		key = null;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (final IOException e) {
			return "its host";
		}
	}
}
