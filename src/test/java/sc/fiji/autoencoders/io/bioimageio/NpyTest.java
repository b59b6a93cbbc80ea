package sc.fiji.autoencoders.io.bioimageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;

/** The .npy writer gives byte for byte what numpy 1.24's {@code numpy.save} gives (headers copied from it). */
class NpyTest {

	@Test
	void headerIsNumpysOwn() {
		assertHeader(new long[] { 1, 4, 3, 1 }, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4, 3, 1), }", 176);
		assertHeader(new long[] { 5 }, "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", 148);
		assertHeader(new long[] { 2, 3 }, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 152);
	}

	@Test
	void valuesAreLittleEndianFloat32InCOrderAndReadBack() throws Exception {
		final float[] v = { 0f, -1.5f, 3.25f, Float.MAX_VALUE, 1e-30f, 42f };
		final byte[] b = Npy.toBytes(new Npy.Array(new long[] { 2, 3 }, v));
		final ByteBuffer bb = ByteBuffer.wrap(b, 128, 24).order(ByteOrder.LITTLE_ENDIAN);
		for (final float x : v)
			assertEquals(x, bb.getFloat());
		final Npy.Array back = Npy.read(new ByteArrayInputStream(b));
		assertArrayEquals(new long[] { 2, 3 }, back.shape);
		assertArrayEquals(v, back.values);
	}

	@Test
	void refusesWhatItCannotRead() {
		final byte[] b = Npy.toBytes(new Npy.Array(new long[] { 4 }, new float[4]));
		final byte[] truncated = java.util.Arrays.copyOf(b, b.length - 3);
		assertThrows(BadInputException.class, () -> Npy.read(new ByteArrayInputStream(truncated)));
		final byte[] f8 = new String(b, StandardCharsets.ISO_8859_1).replace("<f4", "<f8").getBytes(
			StandardCharsets.ISO_8859_1);
		assertThrows(BadInputException.class, () -> Npy.read(new ByteArrayInputStream(f8)));
		assertThrows(IllegalArgumentException.class, () -> new Npy.Array(new long[] { 2, 2 }, new float[3]));
	}

	private static void assertHeader(final long[] shape, final String dict, final int fileLength) {
		long n = 1;
		for (final long s : shape)
			n *= s;
		final byte[] b = Npy.toBytes(new Npy.Array(shape, new float[(int) n]));
		assertEquals(fileLength, b.length);
		final String text = new String(b, StandardCharsets.ISO_8859_1);
		assertEquals("\u0093NUMPY\u0001\u0000v\u0000", text.substring(0, 10));
		final String header = text.substring(10, text.indexOf('\n') + 1);
		assertEquals(dict, header.trim());
		assertEquals(0, (10 + header.length()) % 64);
		assertEquals(' ', header.charAt(header.length() - 2));
	}
}
