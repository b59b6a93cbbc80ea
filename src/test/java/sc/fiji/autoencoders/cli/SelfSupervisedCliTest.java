package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.autoencoders.cli.MainTest.cli;

import java.io.File;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code denoise} needs exactly one of --model and --self-supervised, and says so (exit 2) otherwise. */
class SelfSupervisedCliTest {

	@TempDir
	File dir;

	@Test
	void denoiseNeedsAModelOrSelfSupervised() {
		final String out = new File(dir, "out").getPath();
		Object[] r = cli("denoise", "--input", "test-images/denoise-test.png", "--output", out);
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("Missing --model") && r[2].toString().contains("--self-supervised"), r[2]
			.toString());
		r = cli("denoise", "--self-supervised", "--model", "m.aemodel", "--input", "test-images/denoise-test.png",
			"--output", out);
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("either --model or --self-supervised"), r[2].toString());
	}
}
