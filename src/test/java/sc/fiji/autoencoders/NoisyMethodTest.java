package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.base.BadInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.model.NoisyMethod;

/** Which method the noisy mode resolves to, and the message when Neighbor2Neighbor is asked for what it cannot train. */
public class NoisyMethodTest {

	private static TrainDenoiserSettings noisy() {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		s.mode = "noisy";
		return s;
	}

	@Test
	public void theDefaultAndAutoAreNoise2VoidAndNeighbor2NeighborIsAChoice() {
		assertEquals(NoisyMethod.NOISE2VOID, noisy().noisyMethod());
		assertTrue(noisy().noise2Void());
		final TrainDenoiserSettings auto = noisy();
		auto.noisyMethod = "auto";
		assertEquals(NoisyMethod.NOISE2VOID, auto.noisyMethod(), "macros recorded by development builds");
		final TrainDenoiserSettings ne2ne = noisy();
		ne2ne.noisyMethod = "neighbor2neighbor";
		assertEquals(NoisyMethod.NEIGHBOR2NEIGHBOR, ne2ne.noisyMethod());
		assertTrue(!ne2ne.noise2Void() && ne2ne.network(1).residual(), "an ordinary residual denoiser");
		final TrainDenoiserSettings threeD = noisy();
		threeD.dims = 3;
		assertEquals(NoisyMethod.NOISE2VOID, threeD.noisyMethod());
		final TrainDenoiserSettings joint = noisy();
		joint.channels = TrainDenoiserSettings.JOINT;
		assertEquals(NoisyMethod.NOISE2VOID, joint.noisyMethod());
		final TrainDenoiserSettings struct = noisy();
		struct.structn2v = "x";
		assertEquals(NoisyMethod.NOISE2VOID, struct.noisyMethod());
		assertTrue(struct.noise2Void());
	}

	@Test
	public void neighbor2NeighborIn3DOrWithJointChannelsNamesTheFix() {
		final TrainDenoiserSettings threeD = noisy();
		threeD.dims = 3;
		threeD.noisyMethod = "neighbor2neighbor";
		final BadInputException e = assertThrows(BadInputException.class, threeD::noisyMethod);
		assertTrue(e.getMessage().contains("3D") && e.getMessage().contains("noise2void"), e.getMessage());
		final TrainDenoiserSettings joint = noisy();
		joint.channels = TrainDenoiserSettings.JOINT;
		joint.noisyMethod = "neighbor2neighbor";
		final BadInputException j = assertThrows(BadInputException.class, joint::noisyMethod);
		assertTrue(j.getMessage().contains("jointly"), j.getMessage());
	}
}
