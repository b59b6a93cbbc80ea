package sc.fiji.autoencoders;

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
	public void autoIsNeighbor2NeighborForSingleChannelPlanesAndNoise2VoidOtherwise() {
		assertEquals(NoisyMethod.NEIGHBOR2NEIGHBOR, noisy().noisyMethod());
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
