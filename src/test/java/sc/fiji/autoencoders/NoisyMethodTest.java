package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.base.BadInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import sc.fiji.autoencoders.op.Settings;

/** Which method the noisy mode resolves to, and the message when Neighbor2Neighbor is asked for what it cannot train. */
public class NoisyMethodTest {

	private static TrainDenoiserSettings noisy() {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		s.mode = "noisy";
		return s;
	}

	@Test
	public void theDefaultAndAutoAreNoise2VoidAndNeighbor2NeighborIsAChoice() {
		assertEquals("noise2void", noisy().method().id());
		assertTrue(noisy().noise2Void());
		final TrainDenoiserSettings auto = noisy();
		auto.noisyMethod = "auto";
		assertEquals("noise2void", auto.method().id(), "macros recorded by development builds");
		final TrainDenoiserSettings ne2ne = noisy();
		ne2ne.noisyMethod = "neighbor2neighbor";
		assertEquals("neighbor2neighbor", ne2ne.method().id());
		assertTrue(!ne2ne.noise2Void() && ne2ne.network(1).residual(), "an ordinary residual denoiser");
		final TrainDenoiserSettings threeD = noisy();
		threeD.dims = 3;
		assertEquals("noise2void", threeD.method().id());
		final TrainDenoiserSettings joint = noisy();
		joint.channels = TrainDenoiserSettings.JOINT;
		assertEquals("noise2void", joint.method().id());
		final TrainDenoiserSettings struct = noisy();
		struct.structn2v = "x";
		assertEquals("noise2void", struct.method().id());
		assertTrue(struct.noise2Void());
	}

	@Test
	public void neighbor2NeighborIn3DOrWithJointChannelsNamesTheFix() {
		final TrainDenoiserSettings threeD = noisy();
		threeD.dims = 3;
		threeD.noisyMethod = "neighbor2neighbor";
		final BadInputException e = assertThrows(BadInputException.class, threeD::method);
		assertTrue(e.getMessage().contains("3D") && e.getMessage().contains("noise2void"), e.getMessage());
		final TrainDenoiserSettings joint = noisy();
		joint.channels = TrainDenoiserSettings.JOINT;
		joint.noisyMethod = "neighbor2neighbor";
		final BadInputException j = assertThrows(BadInputException.class, joint::method);
		assertTrue(j.getMessage().contains("jointly"), j.getMessage());
	}

	@Test
	public void theChoicesAreTheInstalledNoisyMethodsAndTheirAdvice() throws Exception {
		final java.lang.reflect.Field f = TrainDenoiserSettings.class.getField("noisyMethod");
		assertEquals(Arrays.asList("noise2void", "neighbor2neighbor", "divnoising", "auto"), Arrays.asList(Settings
			.choices(f)), "the plug-ins of mode noisy in priority order, then the alias of earlier builds");
		final String help = Settings.help(f);
		assertTrue(help.startsWith("noise2void: blind-spot masking") && help.contains("; divnoising: a variational") &&
			help.endsWith("auto, accepted for older scripts, means noise2void."), help);
		assertTrue(Arrays.asList(Settings.choices(TrainDenoiserSettings.class.getField("mode"))).equals(Arrays.asList(
			"clean", "noisy", "pairs")), "constant choices stay as declared");
	}
}
