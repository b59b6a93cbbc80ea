package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.Denoiser;

/** A 3D model's file keeps its dimensions and Z pooling, so it predicts on 3D blocks as before saving. */
public class ModelFile3DTest {

	@TempDir
	File dir;

	@Test
	public void threeDimensionalModelRoundTrips() throws IOException {
		final NetworkSpec spec = NetworkSpec.unet(3, 4).withMaxFilters(8).threeD(false, true, true);
		final AutoencoderModel m = TestModels.denoiser(spec, 2);
		m.optimizerState = TestModels.adamState(m.weights, 3);
		final File f = new File(dir, "three.aemodel");
		ModelFile.save(m, f);

		final JsonObject network = spec(f).getAsJsonObject("network");
		assertEquals(3, network.get("dims").getAsInt());
		assertEquals("[false,true,true]", network.get("zPooling").toString());
		assertArrayEquals(new long[] { 3, 3, 3, 1, 4 }, m.weights.get("enc0a.kernel").shape());

		final AutoencoderModel back = ModelFile.load(f, AutoencoderModel.DENOISER);
		assertEquals(spec, back.network);
		assertEquals(3, back.networkSpec().dims());
		assertArrayEquals(new boolean[] { false, true, true }, back.networkSpec().zPooling());
		assertArrayEquals(m.weights.get("enc0a.kernel").values(), back.weights.get("enc0a.kernel").values());
		assertArrayEquals(m.optimizerState.get("output.kernel.adam_v").values(), back.optimizerState.get(
			"output.kernel.adam_v").values());

		final float[] in = new float[16 * 8 * 8];
		for (int i = 0; i < in.length; i++)
			in[i] = (i * 37 % 101) / 101f;
		final long[] dims = { 16, 8, 8 };
		try (Denoiser a = new Denoiser(m); Denoiser b = new Denoiser(back)) {
			assertArrayEquals(a.run(in, dims), b.run(in, dims));
		}
		assertTrue(ModelFile.load(f).summary().contains("3D (Z pooled at levels 2, 3)"), ModelFile.load(f).summary());
	}

	@Test
	public void twoDimensionalModelsWriteNoDimensions() throws IOException {
		final File f = new File(dir, "two.aemodel");
		ModelFile.save(TestModels.denoiser(NetworkSpec.unet(2, 4), 2), f);
		final JsonObject network = spec(f).getAsJsonObject("network");
		assertFalse(network.has("dims"), "2D files stay as older versions wrote them");
		assertFalse(network.has("zPooling"));
		assertEquals(2, ModelFile.load(f).network.dims());
	}

	@Test
	public void twoDimensionalNetworkWithZPoolingIsRejected() throws IOException {
		final File f = new File(dir, "bad.aemodel");
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(1, 2).threeD(true), 2);
		ModelFile.save(m, f);
		final String json = new String(entry(f, ModelFile.SPEC), StandardCharsets.UTF_8).replace("\"dims\": 3",
			"\"dims\": 2");
		final File g = new File(dir, "edited.aemodel");
		try (var out = new java.util.zip.ZipOutputStream(new java.io.FileOutputStream(g))) {
			out.putNextEntry(new java.util.zip.ZipEntry(ModelFile.SPEC));
			out.write(json.getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new java.util.zip.ZipEntry(ModelFile.WEIGHTS));
			out.write(entry(f, ModelFile.WEIGHTS));
		}
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.load(g));
		assertTrue(e.getMessage().contains("A 2D network cannot pool in Z"), e.getMessage());
	}

	private static JsonObject spec(final File f) throws IOException {
		return JsonParser.parseString(new String(entry(f, ModelFile.SPEC), StandardCharsets.UTF_8)).getAsJsonObject();
	}

	private static byte[] entry(final File f, final String name) throws IOException {
		try (ZipFile z = new ZipFile(f)) {
			return z.getInputStream(z.getEntry(name)).readAllBytes();
		}
	}
}
