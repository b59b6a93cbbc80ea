package sc.fiji.autoencoders.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The arithmetic a training graph runs in. {@link #BFLOAT16} lets TensorFlow's oneDNN auto-mixed-precision pass run
 * convolutions and their gradients in bfloat16 while the weights, the optimizer and the loss stay float32: on a CPU with
 * native bfloat16 instructions (AVX512-BF16 or AMX) a denoiser's training step takes about 0.6 times as long, so a
 * time budget trains 1.6 times as many steps (docs/BENCHMARKS.md). {@link #AUTO} picks it only where the CPU has those
 * instructions and oneDNN is on; elsewhere, and for {@link #FLOAT32}, everything is float32.
 */
public enum Precision {

	AUTO, FLOAT32, BFLOAT16;

	private static Boolean cpuHasBfloat16;

	/** Parses {@code auto}, {@code float32} or {@code bfloat16} (any case). */
	public static Precision parse(final String s) {
		if (s != null) for (final Precision p : values())
			if (p.name().equalsIgnoreCase(s.trim())) return p;
		throw new BadInputException("Unknown precision '" + s + "': use auto (bfloat16 where the CPU supports it), " +
			"float32 or bfloat16.");
	}

	/** True when graphs should run their convolutions in bfloat16. */
	public boolean mixed() {
		if (this == FLOAT32) return false;
		if (this == BFLOAT16) return true;
		return oneDnnOn() && cpuHasBfloat16();
	}

	/** The precision actually used, for logs and the model's training settings. */
	public String resolved() {
		return mixed() ? "bfloat16" : "float32";
	}

	/**
	 * True when the training graph of {@code network} should run its convolutions in bfloat16: as {@link #mixed()},
	 * except for 3D networks trained with TensorFlow's Conv3D ({@link Conv3dGradient#trains()}), which train in float32:
	 * oneDNN's bfloat16 Conv3D training steps returned NaN losses now and then (on identical inputs, some runs and not
	 * others: small 3D U-Nets, TensorFlow Java 1.1 on an AVX512-BF16 CPU, 2026-11-26), while float32 Conv3D never did.
	 */
	public boolean mixed(final NetworkSpec network) {
		return mixed(network == null ? 2 : network.dims());
	}

	/** As {@link #mixed(NetworkSpec)} for a network of {@code dims} dimensions (2 or 3). */
	public boolean mixed(final int dims) {
		return mixed() && !(dims == 3 && Conv3dGradient.trains());
	}

	/** The precision a network of {@code dims} dimensions trains in ({@link #mixed(int)}), for logs and settings. */
	public String resolved(final int dims) {
		return mixed(dims) ? "bfloat16" : "float32";
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

	// -- Helper methods --

	/** oneDNN, which does the bfloat16 rewriting, is on unless TF_ENABLE_ONEDNN_OPTS=0. */
	private static boolean oneDnnOn() {
		final String v = System.getenv("TF_ENABLE_ONEDNN_OPTS");
		return v == null || !(v.equals("0") || v.equalsIgnoreCase("false"));
	}

	/** Native bfloat16 dot products: without them oneDNN emulates bfloat16, which is slower than float32. */
	static synchronized boolean cpuHasBfloat16() {
		if (cpuHasBfloat16 == null) cpuHasBfloat16 = cpuFlags().matches("(?s).*\\b(avx512_bf16|amx_bf16)\\b.*");
		return cpuHasBfloat16;
	}

	private static String cpuFlags() {
		final String arch = System.getProperty("os.arch", "");
		if (!arch.equals("amd64") && !arch.equals("x86_64")) return "";
		try {
			final Path info = Path.of("/proc/cpuinfo");
			if (!Files.isReadable(info)) return "";
			for (final String line : Files.readAllLines(info, StandardCharsets.UTF_8))
				if (line.startsWith("flags")) return line;
		}
		catch (final IOException | RuntimeException e) {
			// unknown CPU: float32 is always correct
		}
		return "";
	}
}
