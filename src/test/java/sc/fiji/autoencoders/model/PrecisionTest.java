package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;

public class PrecisionTest {

	@Test
	public void parsesNamesInAnyCase() {
		assertEquals(Precision.AUTO, Precision.parse("auto"));
		assertEquals(Precision.FLOAT32, Precision.parse(" Float32 "));
		assertEquals(Precision.BFLOAT16, Precision.parse("BFLOAT16"));
		final BadInputException e = assertThrows(BadInputException.class, () -> Precision.parse("fp16"));
		assertTrue(e.getMessage().contains("'fp16'") && e.getMessage().contains("float32"), e.getMessage());
		assertThrows(BadInputException.class, () -> Precision.parse(null));
	}

	@Test
	public void forcedChoicesAreKept() {
		assertFalse(Precision.FLOAT32.mixed());
		assertTrue(Precision.BFLOAT16.mixed());
		assertEquals("float32", Precision.FLOAT32.resolved());
		assertEquals("bfloat16", Precision.BFLOAT16.resolved());
	}

	/** Auto follows the CPU's flags: bfloat16 only with native instructions and oneDNN on. */
	@Test
	public void autoFollowsTheCpu() throws Exception {
		final Path info = Path.of("/proc/cpuinfo");
		final boolean native16 = Files.isReadable(info) && Files.readString(info).matches(
			"(?s).*\\b(avx512_bf16|amx_bf16)\\b.*") && System.getProperty("os.arch").matches("amd64|x86_64");
		final boolean oneDnn = !"0".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"));
		assertEquals(native16 && oneDnn, Precision.AUTO.mixed());
	}

	/** 3D networks built with Conv3D train in float32 (see Precision#mixed(NetworkSpec)); 2D and fallback 3D as asked. */
	@Test
	public void threeDimensionalConv3dNetworksTrainInFloat32() {
		Graphs.loadNative();
		final NetworkSpec two = NetworkSpec.unet(2, 4), three = NetworkSpec.unet(2, 4).threeD(false, true);
		assertTrue(Precision.BFLOAT16.mixed(two));
		assertEquals("bfloat16", Precision.BFLOAT16.resolved(2));
		assertEquals(!Conv3dGradient.trains(), Precision.BFLOAT16.mixed(three));
		assertTrue(Conv3dGradient.available() || !System.getProperty("os.name").startsWith("Linux"),
			"Linux registers the gradient");
		assertEquals(Conv3dGradient.trains() ? "float32" : "bfloat16", Precision.BFLOAT16.resolved(3));
		assertFalse(Precision.FLOAT32.mixed(two));
	}
}
