package sc.fiji.autoencoders.model;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Builds the denoising network of a {@link NetworkSpec} on an NHWC input of any height and width that are multiples of
 * {@link NetworkSpec#sizeMultiple()} (fully convolutional); a 3D network ({@link NetworkSpec#dims()} 3) on an NDHWC
 * input whose depth is also a multiple of {@link NetworkSpec#zSizeMultiple()}.
 */
public final class DenoiserNetwork {

	private DenoiserNetwork() {}

	public static Operand<TFloat32> build(final Ops tf, final Operand<TFloat32> input, final NetworkSpec spec,
		final ParameterSource params)
	{
		return build(tf, input, spec, params, Layers.Conv3dOps.best(params));
	}

	/** As {@link #build(Ops, Operand, NetworkSpec, ParameterSource)}, with 3D convolutions built as asked. */
	public static Operand<TFloat32> build(final Ops tf, final Operand<TFloat32> input, final NetworkSpec spec,
		final ParameterSource params, final Layers.Conv3dOps conv3dOps)
	{
		final Layers l = new Layers(tf, params, spec.leakyAlpha(), spec.dims(), conv3dOps);
		final boolean skips = spec.architecture() == Architecture.UNET;
		final boolean bilinear = spec.upsampling() == Upsampling.BILINEAR;
		final List<Operand<TFloat32>> skipOutputs = new ArrayList<>();
		Operand<TFloat32> x = input;
		long in = spec.channels();
		for (int level = 0; level < spec.depth(); level++) {
			final long f = filters(spec, level);
			x = l.convAct("enc" + level + "a", x, in, f);
			x = l.convAct("enc" + level + "b", x, f, f);
			skipOutputs.add(x);
			x = spec.pooling() == Pooling.BLUR ? l.blurPool2(x) : l.maxPool2(x, spec.poolsZ(level));
			in = f;
		}
		final long fb = filters(spec, spec.depth());
		x = l.convAct("bottom_a", x, in, fb);
		x = l.convAct("bottom_b", x, fb, fb);
		in = fb;
		for (int level = spec.depth() - 1; level >= 0; level--) {
			final long f = filters(spec, level);
			x = l.convAct("up" + level, l.upsample2(x, bilinear, spec.poolsZ(level)), in, f);
			long blockIn = f;
			if (skips && (level > 0 || spec.topSkip())) {
				x = l.concat(x, skipOutputs.get(level));
				blockIn = 2 * f;
			}
			x = l.convAct("dec" + level + "a", x, blockIn, f);
			x = l.convAct("dec" + level + "b", x, f, f);
			in = f;
		}
		// zero-initialized so that a residual network starts as the identity: training starts at the noise level, not above it
		final Operand<TFloat32> out = l.conv("output", x, in, spec.channels(), 1, 1, spec.residual()
			? ParameterSource.Init.ZEROS : ParameterSource.Init.GLOROT);
		return spec.residual() ? tf.math.add(input, out) : out;
	}

	/** The input's shape: [batch, height, width, channels], or [batch, depth, height, width, channels] in 3D. */
	public static Shape inputShape(final NetworkSpec spec, final long batch) {
		return spec.dims() == 3 ? Shape.of(batch, -1, -1, -1, spec.channels()) : Shape.of(batch, -1, -1, spec
			.channels());
	}

	/** Filters double at each level down, capped so deep networks stay trainable on a CPU. */
	static long filters(final NetworkSpec spec, final int level) {
		return Math.min(spec.filters() * (1L << level), spec.maxFilters());
	}
}
