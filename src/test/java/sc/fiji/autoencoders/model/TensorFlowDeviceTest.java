package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.engine.AppPlatform;

/**
 * The device line. This machine has no GPU (nor the GPU natives, a download of hundreds of MB): the CPU path is tested
 * for real, the GPU natives' detection on a jar laid out as TensorFlow's GPU jar is, and the message for GPU natives
 * without CUDA as text.
 */
public class TensorFlowDeviceTest {

	@TempDir
	File dir;

	@Test
	public void theCpuRunsHereWithTheCpuNatives() {
		final String line = TensorFlowDevice.line();
		assertEquals("TensorFlow " + Graphs.loadNative() + " runs on CPU:0 (CPU natives, " + AppPlatform.current() + ")",
			line);
	}

	@Test
	public void gpuNativesAreThoseInTheGpuFolderOfTheJar() throws Exception {
		assertFalse(TensorFlowDevice.gpuNatives(getClass().getClassLoader(), AppPlatform.current()));
		final File jar = new File(dir, "tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar.toPath()))) {
			out.putNextEntry(new ZipEntry("org/tensorflow/internal/c_api/linux-x86_64-gpu/" + System.mapLibraryName(
				"jnitensorflow")));
			out.closeEntry();
		}
		try (URLClassLoader l = new URLClassLoader(new URL[] { jar.toURI().toURL() }, null)) {
			assertTrue(TensorFlowDevice.gpuNatives(l, "linux64"));
			assertFalse(TensorFlowDevice.gpuNatives(l, "win64"));
		}
	}

	@Test
	public void gpuNativesWithoutCudaSayWhatIsMissingAndRunOnTheCpu() {
		final String line = TensorFlowDevice.describe("2.18.0", "linux64", true, "/job:localhost/replica:0/task:0/" +
			"device:CPU:0");
		assertTrue(line.startsWith("TensorFlow 2.18.0 runs on CPU:0: the GPU natives are installed"), line);
		assertTrue(line.contains("CUDA 12") && line.contains("cuDNN 9") && line.contains("Fiji-Autoencoders-GPU"), line);
		assertEquals("TensorFlow 2.18.0 runs on GPU:0 (GPU natives, linux64)", TensorFlowDevice.describe("2.18.0",
			"linux64", true, "/job:localhost/replica:0/task:0/device:GPU:0"));
	}
}
