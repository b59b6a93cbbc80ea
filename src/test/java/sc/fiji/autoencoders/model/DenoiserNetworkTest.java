package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.predict.Denoiser;

public class DenoiserNetworkTest {

	static AutoencoderModel untrained(final NetworkSpec spec) {
		return sc.fiji.autoencoders.TestModels.denoiser(spec, 7);
	}

	@Test
	public void untrainedResidualNetworkIsTheIdentity() {
		final NetworkSpec spec = NetworkSpec.unet(2, 4);
		final AutoencoderModel m = new AutoencoderModel();
		m.network = spec;
		m.weights = InitialWeights.of(spec, 1);
		m.normalization = Normalization.of(0, 255);
		try (Denoiser d = new Denoiser(m)) {
			final float[] in = new float[16 * 12];
			for (int i = 0; i < in.length; i++)
				in[i] = i % 7;
			org.junit.jupiter.api.Assertions.assertArrayEquals(in, d.run(in, 16, 12), 1e-6f);
		}
	}

	@Test
	public void outputHasInputSizeForEveryArchitecture() {
		for (final NetworkSpec spec : new NetworkSpec[] { NetworkSpec.unet(2, 8), NetworkSpec.unet(3, 4).withArchitecture(
			Architecture.PLAIN), NetworkSpec.unet(1, 4).withUpsampling(Upsampling.BILINEAR).withResidual(false), NetworkSpec
				.unet(3, 4).withResidual(false).n2v2() })
		{
			try (Denoiser d = new Denoiser(untrained(spec))) {
				final int w = 8 * 5, h = 8 * 3;
				final float[] out = d.run(new float[w * h], w, h);
				assertEquals(w * h, out.length, spec.toString());
			}
		}
	}

	/** The tiling margin is derived from this radius: a pixel change must not reach further. */
	@Test
	public void receptiveFieldStaysWithinTheComputedRadius() {
		for (final NetworkSpec spec : new NetworkSpec[] { NetworkSpec.unet(2, 4), NetworkSpec.unet(3, 4).withUpsampling(
			Upsampling.BILINEAR), NetworkSpec.unet(3, 4).withResidual(false).n2v2(), NetworkSpec.unet(2, 4).withPooling(
				Pooling.BLUR).withUpsampling(Upsampling.BILINEAR) })
		{
			final int r = Denoiser.receptiveRadius(spec);
			final int m = spec.sizeMultiple(), size = (2 * r + 64 + m - 1) / m * m;
			try (Denoiser d = new Denoiser(untrained(spec))) {
				final float[] a = new float[size * size];
				final Random rng = new Random(1);
				for (int i = 0; i < a.length; i++)
					a[i] = rng.nextFloat();
				final float[] b = a.clone();
				final int c = size / 2;
				b[c * size + c] += 10;
				final float[] oa = d.run(a, size, size), ob = d.run(b, size, size);
				int reach = 0;
				for (int y = 0; y < size; y++)
					for (int x = 0; x < size; x++)
						if (oa[y * size + x] != ob[y * size + x]) reach = Math.max(reach, Math.max(Math.abs(x - c), Math.abs(y -
							c)));
				assertTrue(reach > 0, "a change must have an effect");
				assertTrue(reach <= r, spec + ": reach " + reach + " exceeds radius " + r);
			}
		}
	}

	@Test
	public void specValidationNamesTheFix() {
		final BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
			() -> NetworkSpec.unet(7, 32).validate());
		assertTrue(e.getMessage().contains("use 1 to 4"), e.getMessage());
	}
}
