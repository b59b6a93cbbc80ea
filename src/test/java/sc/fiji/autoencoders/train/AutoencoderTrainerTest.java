package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.CodeDistribution;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.Pca;
import sc.fiji.autoencoders.model.Regularizer;
import sc.fiji.autoencoders.model.SparseCode;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.predict.Sampling;
import sc.fiji.autoencoders.predict.Vae;

/**
 * Feature autoencoders trained for seconds on tiny synthetic images: 16x16 planes that are three orthonormal patterns
 * with uniform random weights of standard deviations 3, 2 and 1.4, plus a little pixel noise, so that the top three
 * principal axes are known.
 */
public class AutoencoderTrainerTest {

	static final int SIDE = 16, N = 1500;

	static double[][] patterns;
	static List<Plane> images;

	@TempDir
	static File dir;

	@BeforeAll
	static void makeImages() {
		final Random rng = new Random(5);
		final int p = SIDE * SIDE;
		patterns = new double[3][p];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < p; j++)
				patterns[i][j] = rng.nextGaussian();
			for (int k = 0; k < i; k++) { // Gram-Schmidt
				double d = 0;
				for (int j = 0; j < p; j++)
					d += patterns[i][j] * patterns[k][j];
				for (int j = 0; j < p; j++)
					patterns[i][j] -= d * patterns[k][j];
			}
			double n = 0;
			for (int j = 0; j < p; j++)
				n += patterns[i][j] * patterns[i][j];
			for (int j = 0; j < p; j++)
				patterns[i][j] /= Math.sqrt(n);
		}
		final double[] sd = { 3, 2, 1.4 };
		images = new ArrayList<>();
		for (int s = 0; s < N; s++) {
			final float[] px = new float[p];
			final double[] a = new double[3];
			for (int i = 0; i < 3; i++)
				a[i] = (rng.nextDouble() * 2 - 1) * Math.sqrt(3) * sd[i]; // uniform: a tight range, so strong normalized signal
			for (int j = 0; j < p; j++) {
				double v = 0.02 * rng.nextGaussian();
				for (int i = 0; i < 3; i++)
					v += a[i] * patterns[i][j];
				px[j] = (float) v;
			}
			images.add(new Plane(SIDE, SIDE, px));
		}
	}

	static AutoencoderModel train(final Regularizer r, final float weight, final int code, final int epochs) {
		final TrainingConfig c = TrainingConfig.vae();
		// a linear autoencoder leaves the plateau of each weaker principal direction in time ~ 1 / (rate x variance):
		// at the default 3e-3 the third direction here needs hundreds of epochs
		if (r == Regularizer.LINEAR) c.learningRate = 0.03f;
		c.epochs = epochs;
		c.batchSize = 32;
		c.earlyStopPatience = 0;
		c.minutes = 0;
		c.seed = 3;
		return new VaeTrainer(TrainingImages.planes(images), VaeSpec.autoencoder(SIDE, SIDE, code, 1, 8, r, weight), c,
			0).process();
	}

	@Test
	public void linearAutoencoderSpansThePrincipalSubspace() {
		final AutoencoderModel m = train(Regularizer.LINEAR, 0, 3, 40);
		assertEquals(ModelKind.AUTOENCODER, m.kind);
		try (Vae ae = new Vae(m)) {
			// the decoder is affine: its columns are decode(e_j) - decode(0)
			final float[] codes = new float[4 * 3];
			for (int j = 0; j < 3; j++)
				codes[(j + 1) * 3 + j] = 1;
			final List<Plane> d = ae.decode(codes);
			final double[][] columns = new double[3][SIDE * SIDE];
			for (int j = 0; j < 3; j++)
				for (int k = 0; k < SIDE * SIDE; k++)
					columns[j][k] = d.get(j + 1).pixels()[k] - d.get(0).pixels()[k];
			final double angle = largestPrincipalAngle(columns, patterns);
			assertTrue(angle < 0.1, "largest principal angle to the generating patterns: " + angle + " rad");
		}
	}

	/**
	 * The sparse code is a soft threshold: values of both signs and exact zeros. The L1 penalty shrinks the code's L1
	 * norm and raises the fraction of values near zero (at most 1 % of their unit's largest magnitude, the benchmark's
	 * measure), most of them exactly zero.
	 */
	@Test
	public void sparsePenaltySilencesCodeUnits() throws Exception {
		final List<Plane> fashion = ImagePlanes.planes(ImageFiles.open(new File("test-images/fashion-mnist-2000.tif")))
			.subList(0, 1000);
		final AutoencoderModel penalized = fashion(fashion, Regularizer.SPARSE, 0.3f);
		assertEquals(SparseCode.SHRINKAGE, penalized.vae.sparseCode());
		final double[] without = sparsity(fashion(fashion, Regularizer.SPARSE, 0), fashion);
		final double[] with = sparsity(penalized, fashion);
		assertTrue(with[1] < 0.8 * without[1], "mean L1 norm of the code: weight 0 " + without[1] + ", weight 0.3 " +
			with[1]);
		assertTrue(with[2] > without[2] + 0.1, "fraction of code values near zero: weight 0 " + without[2] +
			", weight 0.3 " + with[2]);
		assertTrue(with[0] > 0.05 && with[0] < 0.95, "fraction of exact zeros with weight 0.3: " + with[0]);
		assertTrue(with[3] > 0.05 && with[4] > 0.05, "fractions of negative and positive values with weight 0.3: " +
			with[3] + ", " + with[4]);
		// the file says which code it has, and the loaded model encodes as the trained one
		final File f = new File(dir, "sparse.aemodel");
		ModelFile.save(penalized, f);
		try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f)) {
			assertTrue(new String(z.getInputStream(z.getEntry("spec.json")).readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8).contains("\"sparseCode\": \"shrinkage\""), "spec.json names the code");
		}
		final AutoencoderModel loaded = ModelFile.load(f);
		assertEquals(penalized.vae, loaded.vae);
		assertArrayEquals(sparsity(penalized, fashion), sparsity(loaded, fashion), 1e-9);
	}

	@Test
	public void contractivePenaltyShrinksTheJacobian() {
		final double plain = meanJacobianNorm(train(Regularizer.CONTRACTIVE, 0, 4, 6));
		final double contractive = meanJacobianNorm(train(Regularizer.CONTRACTIVE, 0.5f, 4, 6));
		assertTrue(contractive < 0.7 * plain, "mean Jacobian norm: weight 0 " + plain + ", weight 0.5 " + contractive);
	}

	/** The Jacobian built from the encoder's backward pass equals finite differences of the encoder. */
	@Test
	public void jacobianNormMatchesFiniteDifferences() {
		assertJacobianNormMatchesFiniteDifferences(train(Regularizer.CONTRACTIVE, 0.01f, 4, 1), 7);
	}

	/** The same for the soft-threshold code, whose slope (1 outside the threshold, 0 inside) the Jacobian includes. */
	@Test
	public void jacobianNormOfTheSoftThresholdCodeMatchesFiniteDifferences() {
		final AutoencoderModel m = train(Regularizer.SPARSE, 0.01f, 4, 1);
		// an image with both active and silent units, so that both slopes (1 and 0) count
		int image = -1;
		try (Vae ae = new Vae(m)) {
			final float[] c = ae.encode(images.subList(0, 100))[0];
			for (int i = 0; i < 100 && image < 0; i++) {
				int active = 0;
				for (int j = 0; j < 4; j++)
					if (c[i * 4 + j] != 0) active++;
				if (active >= 2 && active < 4) image = i;
			}
		}
		assertTrue(image >= 0, "an image with 2 or 3 of the 4 units active");
		assertJacobianNormMatchesFiniteDifferences(m, image);
	}

	private static void assertJacobianNormMatchesFiniteDifferences(final AutoencoderModel m, final int image) {
		final double scale = m.normalization.high() - m.normalization.low(), h = 1e-2;
		try (Vae ae = new Vae(m)) {
			final Plane x = images.get(image);
			final List<Plane> shifted = new ArrayList<>();
			for (int p = 0; p < SIDE * SIDE; p++)
				for (final double sign : new double[] { 1, -1 }) {
					final float[] px = x.pixels().clone();
					px[p] += (float) (sign * h * scale);
					shifted.add(new Plane(SIDE, SIDE, px));
				}
			final float[] c = ae.encode(shifted)[0];
			double sum = 0;
			for (int p = 0; p < SIDE * SIDE; p++)
				for (int j = 0; j < 4; j++) {
					final double d = (c[(2 * p) * 4 + j] - c[(2 * p + 1) * 4 + j]) / (2 * h);
					sum += d * d;
				}
			final double exact = ae.jacobianNorms(List.of(x))[0];
			assertEquals(Math.sqrt(sum), exact, 0.03 * exact, "Frobenius norm by finite differences vs exact");
		}
	}

	@Test
	public void codeFitHasTheTrainingCodesMeanAndCovarianceAndSurvivesTheFile() throws Exception {
		final AutoencoderModel m = train(Regularizer.NONE, 0, 3, 2);
		assertNotNull(m.codes);
		final File f = new File(dir, "ae.aemodel");
		ModelFile.save(m, f);
		final AutoencoderModel loaded = ModelFile.load(f);
		assertEquals(ModelKind.AUTOENCODER, loaded.kind);
		assertEquals(m.vae, loaded.vae);
		try (Vae ae = new Vae(loaded)) {
			final CodeDistribution direct = CodeDistribution.fit(ae.encode(images)[0], 3);
			final double[] cov = direct.covariance(), stored = loaded.codes.covariance();
			for (int i = 0; i < 3; i++)
				assertEquals(direct.mean()[i], loaded.codes.mean()[i], 1e-3 * Math.sqrt(cov[i * 3 + i]));
			for (int i = 0; i < 9; i++)
				assertEquals(cov[i], stored[i], 1e-3 * Math.sqrt(cov[i / 3 * 4] * cov[i % 3 * 4]));
			assertEquals(5, ae.generate(5, 1, 1, Sampling.AUTO).size());
			// latent arithmetic with B = C decodes A's own code
			final List<Plane> a = images.subList(0, 3), same = ae.arithmetic(a, images.subList(10, 40), images.subList(10,
				40), 1), rec = ae.reconstruct(a);
			for (int i = 0; i < 3; i++)
				org.junit.jupiter.api.Assertions.assertArrayEquals(rec.get(i).pixels(), same.get(i).pixels(), 1e-5f);
			final List<Plane> moved = ae.arithmetic(a, images.subList(10, 40), images.subList(40, 70), 1);
			assertTrue(moved.get(0).pixels()[0] != rec.get(0).pixels()[0], "different sets move the code");
			assertThrows(BadInputException.class, () -> ae.generate(5, 1, 1, Sampling.PRIOR));
		}
	}

	// -- Helper methods --

	static AutoencoderModel fashion(final List<Plane> fashion, final Regularizer r, final float weight) {
		final TrainingConfig c = TrainingConfig.vae();
		c.epochs = 3;
		c.batchSize = 32;
		c.earlyStopPatience = 0;
		c.minutes = 0;
		c.seed = 3;
		return new VaeTrainer(TrainingImages.planes(fashion), VaeSpec.autoencoder(28, 28, 8, 2, 8, r, weight), c, 0)
			.process();
	}

	/**
	 * {fraction of code values exactly zero, mean L1 norm of a code, fraction near zero (at most 1 % of the largest
	 * magnitude of its unit over these images), fraction negative, fraction positive} on 300 images.
	 */
	static double[] sparsity(final AutoencoderModel m, final List<Plane> data) {
		try (Vae ae = new Vae(m)) {
			final int k = m.vae.latent();
			final float[] c = ae.encode(data.subList(0, 300))[0];
			final double[] max = new double[k];
			for (int i = 0; i < c.length; i++)
				max[i % k] = Math.max(max[i % k], Math.abs(c[i]));
			int zeros = 0, near = 0, negative = 0, positive = 0;
			double l1 = 0;
			for (int i = 0; i < c.length; i++) {
				final float v = c[i];
				if (v == 0) zeros++;
				if (Math.abs(v) <= 0.01 * max[i % k]) near++;
				if (v < 0) negative++;
				if (v > 0) positive++;
				l1 += Math.abs(v);
			}
			final double n = c.length;
			return new double[] { zeros / n, l1 / 300, near / n, negative / n, positive / n };
		}
	}

	static double meanJacobianNorm(final AutoencoderModel m) {
		try (Vae ae = new Vae(m)) {
			double s = 0;
			for (final double v : ae.jacobianNorms(images.subList(0, 100)))
				s += v;
			return s / 100;
		}
	}

	/** Largest principal angle between the spans of two sets of vectors (rows), in radians. */
	static double largestPrincipalAngle(final double[][] a, final double[][] b) {
		final double[][] qa = orthonormal(a), qb = orthonormal(b);
		// cosines of the angles: singular values of Qa Qb^T, the square roots of the eigenvalues of M M^T
		final int k = qa.length;
		final double[] mm = new double[k * k];
		final double[][] m = new double[k][qb.length];
		for (int i = 0; i < k; i++)
			for (int j = 0; j < qb.length; j++)
				m[i][j] = dot(qa[i], qb[j]);
		for (int i = 0; i < k; i++)
			for (int j = 0; j < k; j++)
				mm[i * k + j] = dot(m[i], m[j]);
		final double smallest = Pca.eigen(mm, k)[k][k - 1];
		return Math.acos(Math.min(1, Math.sqrt(Math.max(0, smallest))));
	}

	static double[][] orthonormal(final double[][] rows) {
		final double[][] q = new double[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			q[i] = rows[i].clone();
			for (int k = 0; k < i; k++) {
				final double d = dot(q[i], q[k]);
				for (int j = 0; j < q[i].length; j++)
					q[i][j] -= d * q[k][j];
			}
			final double n = Math.sqrt(dot(q[i], q[i]));
			for (int j = 0; j < q[i].length; j++)
				q[i][j] /= n;
		}
		return q;
	}

	static double dot(final double[] a, final double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += a[i] * b[i];
		return s;
	}
}
