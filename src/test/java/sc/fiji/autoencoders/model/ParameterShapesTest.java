package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The plain-Java parameter shapes the model file reader checks against are exactly those the network builders use. */
public class ParameterShapesTest {

	@Test
	public void denoiserShapesMatchTheBuilder() {
		final List<NetworkSpec> specs = new ArrayList<>();
		for (int depth = 1; depth <= 4; depth++)
			for (final int filters : new int[] { 1, 3 }) {
				specs.add(NetworkSpec.unet(depth, filters));
				specs.add(NetworkSpec.unet(depth, filters).withArchitecture(Architecture.PLAIN).withResidual(false)
					.withUpsampling(Upsampling.BILINEAR));
			}
		specs.add(NetworkSpec.unet(2, 200)); // filters capped at 512 in the bottleneck
		specs.add(NetworkSpec.unet(4, 3).withMaxFilters(12)); // 3, 6, 12, 12, 12
		specs.add(NetworkSpec.unet(2, 4).withResidual(false).n2v2()); // N2V2: no top skip, so dec0a has no concat
		specs.add(NetworkSpec.unet(3, 4).withTopSkip(false).withUpsampling(Upsampling.BILINEAR));
		// 3D: 3x3x3 kernels, whatever the Z pooling
		specs.add(NetworkSpec.unet(2, 3).threeD(false, true));
		specs.add(NetworkSpec.unet(3, 2).withArchitecture(Architecture.PLAIN).threeD(true, true, true));
		for (final NetworkSpec s : specs)
			assertSame(ParameterShapes.of(s), InitialWeights.of(s, 1), s.toString());
	}

	@Test
	public void maxFiltersCapsTheDeepLevels() {
		final long widest = ParameterShapes.of(NetworkSpec.unet(4, 3).withMaxFilters(12)).values().stream().mapToLong(
			s -> s[s.length - 1]).max().getAsLong();
		assertEquals(12, widest);
		assertEquals(48, ParameterShapes.of(NetworkSpec.unet(4, 3)).values().stream().mapToLong(s -> s[s.length - 1])
			.max().getAsLong());
	}

	@Test
	public void vaeShapesMatchTheBuilder() {
		for (final int[] wh : new int[][] { { 28, 28 }, { 13, 7 }, { 16, 16 }, { 1, 1 } })
			for (int depth = 1; depth <= 3; depth++) {
				if (Math.min(wh[0], wh[1]) >> depth < 1) continue;
				for (final int filters : new int[] { 1, 5, 256 }) {
					final VaeSpec s = new VaeSpec(wh[0], wh[1], 3, depth, filters, Likelihood.BERNOULLI, 1);
					assertSame(ParameterShapes.of(s), InitialWeights.of(s, 1), s.toString());
				}
			}
	}

	@Test
	public void conditionalVaeShapesMatchTheBuilder() {
		final VaeSpec s = new VaeSpec(13, 7, 3, 2, 4, Likelihood.BERNOULLI, 1).withClasses(java.util.List.of("a", "b",
			"c"));
		assertSame(ParameterShapes.of(s), InitialWeights.of(s, 1), s.toString());
		assertArrayEquals(new long[] { 3 + 3, (7 + 3) / 4 * 4 / 4 * ((13 + 3) / 4 * 4 / 4) * 8 }, ParameterShapes.of(s).get(
			"vae_dec_dense.kernel"));
	}

	@Test
	public void autoencoderShapesMatchTheBuilder() {
		for (final Regularizer r : Regularizer.values())
			for (final int[] wh : new int[][] { { 28, 28 }, { 13, 7 } })
				for (int depth = 1; depth <= 2; depth++) {
					final VaeSpec s = VaeSpec.autoencoder(wh[0], wh[1], 5, depth, 3, r, 0.1f);
					assertSame(ParameterShapes.of(s), InitialWeights.of(s, 1), s.toString());
				}
	}

	@Test
	public void adamStateHasTwoSlotsPerParameter() {
		final Map<String, long[]> p = ParameterShapes.of(NetworkSpec.unet(1, 2));
		final Map<String, long[]> a = ParameterShapes.adamState(p);
		assertEquals(2 * p.size(), a.size());
		assertArrayEquals(p.get("output.kernel"), a.get("output.kernel.adam_v"));
		assertEquals(2 * ParameterShapes.count(p), ParameterShapes.count(a));
	}

	private static void assertSame(final Map<String, long[]> expected, final Weights built, final String what) {
		assertEquals(List.copyOf(expected.keySet()), List.copyOf(built.entries().keySet()), what);
		expected.forEach((name, shape) -> assertArrayEquals(shape, built.get(name).shape(), what + " " + name));
		assertEquals(ParameterShapes.count(expected), built.parameterCount(), what);
	}
}
