package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static sc.fiji.autoencoders.cli.MainTest.cli;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.VaeSpec;

/**
 * Every kind of file we write (model, TIFF, PNG, CSV) ends up with the permissions a plain FileOutputStream gets under
 * the process's umask, e.g. rw-r--r-- under umask 022, although most are written as temporary files and renamed.
 */
public class OutputPermissionsTest {

	@TempDir
	File dir;

	@Test
	public void outputsGetTheUmaskPermissions() throws IOException {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
		final File reference = new File(dir, "reference");
		new FileOutputStream(reference).close();
		final String expected = permissions(reference);

		final File denoiser = new File(dir, "d.aemodel"), vae = new File(dir, "v.aemodel");
		ModelFile.save(TestModels.denoiser(NetworkSpec.unet(1, 4), 1), denoiser);
		ModelFile.save(TestModels.vae(new VaeSpec(28, 28, 2, 4, 2, sc.fiji.autoencoders.model.Likelihood.BERNOULLI, 1), 1), vae);
		final String stack = "test-images/fashion-mnist-test-500.tif";
		final File tiffs = new File(dir, "denoised"), png = new File(dir, "samples.png"), tif = new File(dir, "s.tif");
		final File csv = new File(dir, "codes.csv"), anomaly = new File(dir, "anomaly");
		run("denoise", "--model", denoiser.getPath(), "--input", "test-images/denoise-test.png", "--output", tiffs
			.getPath());
		run("generate", "--model", vae.getPath(), "--count", "4", "--output", png.getPath());
		run("generate", "--model", vae.getPath(), "--count", "4", "--output", tif.getPath());
		run("encode", "--model", vae.getPath(), "--input", stack, "--output", csv.getPath());
		run("anomaly", "--model", vae.getPath(), "--input", stack, "--output", anomaly.getPath());

		for (final File f : List.of(denoiser, vae, new File(tiffs, "denoise-test.tif"), png, tif, csv, new File(anomaly,
			"anomaly.csv"), new File(anomaly, "fashion-mnist-test-500-errors.tif")))
			assertEquals(expected, permissions(f), f.getName() + " (a new FileOutputStream gets " + expected + ")");
		assertEquals(List.of(), hidden(dir), "no temporary files left");
	}

	private static void run(final String... args) {
		final Object[] r = cli(args);
		assertEquals(0, r[0], r[2].toString());
	}

	private static String permissions(final File f) throws IOException {
		final Set<PosixFilePermission> p = Files.getPosixFilePermissions(f.toPath());
		return PosixFilePermissions.toString(p);
	}

	private static List<String> hidden(final File dir) throws IOException {
		try (var files = Files.walk(dir.toPath())) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).collect(java.util.stream
				.Collectors.toList());
		}
	}
}
