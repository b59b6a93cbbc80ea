package sc.fiji.autoencoders.train;

import java.util.List;
import java.util.Random;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * Neighbor2Neighbor (Huang et al., CVPR 2021), the self-supervised successor of Noise2Void for pixel-independent noise,
 * on single-channel noisy planes: each noisy patch of 2P x 2P pixels is sub-sampled twice ({@link NeighborSubsampler})
 * into two P x P images of the same scene one pixel apart with independent noise, and the network learns to map the
 * first to the second, with a loss on every pixel (Noise2Void has one on its 1-5% masked pixels), plus the paper's
 * regulariser, which corrects for the one-pixel offset between the two halves:
 *
 * <pre>
 * loss = mean (f(g1(y)) - g2(y))^2 + gamma * mean (f(g1(y)) - g2(y) - (g1(f(y)) - g2(f(y))))^2
 * </pre>
 *
 * where f(y), the network on the whole patch, is computed without gradient (a forward pass before each step), and
 * gamma rises linearly from 0 to {@link #GAMMA} over the run (the loop's {@link TrainingLoop#progress()}: time budget
 * or epochs), as in the paper's code. The network is an ordinary (residual) denoiser without a blind spot, so the
 * model denoises like any other. The validation loss is this loss at the final gamma on fixed validation patches and
 * draws (there is no clean image, no PSNR).
 */
final class Neighbor2NeighborData extends TrainingData {

	/** The regulariser's final weight (the paper's 2, with its linear ramp from 0). */
	static final float GAMMA = 2f;

	private NeighborSubsampler subsampler;
	private TrainingImages.Sampler sampler;
	private Random drawRng;
	private float[] validationPatches;
	private NeighborSubsampler.Draw validationDraw;
	/** Side of the sub-images the network trains on, and of the patches they are cut from. */
	private int sub, full;

	Neighbor2NeighborData(final TrainingImages noisy) {
		super(noisy);
	}

	@Override
	TrainingMode mode() {
		return TrainingMode.NOISY;
	}

	@Override
	String method() {
		return DenoiserMethods.NEIGHBOR2NEIGHBOR;
	}

	@Override
	void checkPresent() {
		checkPresent(images, "No training images: give at least one noisy image or stack.");
		if (images.dims() != 2 || images.channels() != 1) throw new BadInputException("Neighbor2Neighbor trains 2D " +
			"networks of one channel: give it the planes of one channel, or choose noisy method " + DenoiserMethods
				.NOISE2VOID + ".");
	}

	@Override
	void checkPlanes(final TrainingConfig config, final NetworkSpec net, final boolean resuming) {
		// the sub-images are half the size of the noisy patches they come from: smaller planes get smaller patches
		final int p = subPatch(config, net);
		if (p < 2 * net.sizeMultiple()) {
			final int small = smallest();
			throw new BadInputException("Noisy image " + (small + 1) + " is " + images.size(0, small) +
				": Neighbor2Neighbor cuts patches of twice the network's input, which needs images of " +
				"at least " + 4 * net.sizeMultiple() + "x" + 4 * net.sizeMultiple() + " pixels for depth " + net.depth() +
				": use larger images, a shallower network (--depth), or Noise2Void (--noisy-method noise2void).");
		}
		images.checkFits("Noisy image", 2 * p, 1);
		if ((long) config.batchSize * 4 * p * p >= 1 << 24) throw new BadInputException("Batch " + config.batchSize +
			" of " + 2 * p + "x" + 2 * p + " patches is too large for Neighbor2Neighbor: use a smaller batch or patch.");
		if (!resuming) images.checkNotConstant("noisy images");
	}

	/**
	 * The side of the sub-images the network trains on: the configured patch size, or, when the smallest plane is less
	 * than twice that, the largest multiple of the network's size multiple that fits in half of it.
	 */
	int subPatch(final TrainingConfig config, final NetworkSpec net) {
		final int m = net.sizeMultiple();
		return (int) Math.min(config.patchSize, side(smallest()) / 2 / m * m);
	}

	@Override
	int patchSize(final TrainingConfig config) {
		return sub;
	}

	@Override
	void begin(final TrainingConfig config) {
		sub = subPatch(config, network);
		full = 2 * sub;
		final TrainingImages[] split = images.split(config.validationFraction, full, config.seed);
		sampler = split[0].sampler(full, 1, config.seed, true);
		subsampler = new NeighborSubsampler(full);
		drawRng = new Random(config.seed ^ 0x5DEECE66DL);
		validationPatches = split[1].sampler(full, 1, config.seed + 1, true).fixed(config.validationPatches,
			config.seed + 2)[0];
		norms[0].normalize(validationPatches);
		validationDraw = subsampler.draw(validationPatches, new Random(config.seed + 3));
	}

	/** Normalized noisy patches of 2P x 2P and the draw of their two sub-samplings (indices, exact as floats). */
	@Override
	float[][] nextArrays(final int batchSize) {
		final float[] patches = sampler.next(batchSize)[0];
		norms[0].normalize(patches);
		final NeighborSubsampler.Draw d = subsampler.draw(patches, drawRng);
		return new float[][] { patches, toFloats(d.first), toFloats(d.second) };
	}

	/** The two sub-samplings of the next patches: the network's input and its target. */
	@Override
	Batch next(final int batchSize) {
		final float[][] b = nextArrays(batchSize);
		return new Batch(NeighborSubsampler.Draw.pick(b[0], toInts(b[1])), NeighborSubsampler.Draw.pick(b[0], toInts(
			b[2])), null);
	}

	@Override
	Batch validation() {
		return new Batch(NeighborSubsampler.Draw.pick(validationPatches, validationDraw.first), NeighborSubsampler.Draw
			.pick(validationPatches, validationDraw.second), null);
	}

	@Override
	Objective objective(final Ops tf, final Placeholder<TFloat32> x, final TrainingConfig config) {
		return new SubSampledLoss(tf, x);
	}

	@Override
	String describe() {
		return "Neighbor2Neighbor on " + images.count() + " noisy planes (no clean image), 2D";
	}

	/** The index of the plane with the shortest side (the first of them). */
	private int smallest() {
		int small = 0;
		for (int i = 1; i < images.count(); i++)
			if (side(i) < side(small)) small = i;
		return small;
	}

	private long side(final int i) {
		return Math.min(images.image(0, i).dimension(0), images.image(0, i).dimension(1));
	}

	/** The loss above; gamma is fed each step from the run's progress. */
	private final class SubSampledLoss extends Objective {

		private final Placeholder<TFloat32> x, y, expDiff, gamma;
		private Operand<TFloat32> loss;

		SubSampledLoss(final Ops tf, final Placeholder<TFloat32> x) {
			this.x = x;
			y = tf.withName("target").placeholder(TFloat32.class);
			expDiff = tf.withName("exp_diff").placeholder(TFloat32.class);
			gamma = tf.withName("gamma").placeholder(TFloat32.class);
		}

		@Override
		void build(final Ops tf, final Operand<TFloat32> out) {
			final Operand<TInt32> all = tf.constant(new int[] { 0, 1, 2, 3 });
			final Operand<TFloat32> diff = tf.math.sub(out, y);
			loss = tf.math.add(tf.math.mean(tf.math.square(diff), all), tf.math.mul(gamma, tf.math.mean(tf.math.square(tf
				.math.sub(diff, expDiff)), all)));
		}

		@Override
		Operand<TFloat32> loss() {
			return loss;
		}

		@Override
		void feed(final Session.Runner r, final float[][] b, final Forward network, final double progress,
			final List<Tensor> owned)
		{
			final int[] first = toInts(b[1]), second = toInts(b[2]);
			final float[] g1 = NeighborSubsampler.Draw.pick(b[0], first);
			final float[] g2 = NeighborSubsampler.Draw.pick(b[0], second);
			final float[] fy = network.apply(b[0], full, full, 1);
			final float[] exp = new float[first.length];
			for (int i = 0; i < exp.length; i++)
				exp[i] = fy[first[i]] - fy[second[i]];
			final long[] shape = { first.length / (sub * sub), sub, sub, 1 };
			r.feed(x, SquaredError.add(owned, Tensors.of(g1, shape))).feed(y, SquaredError.add(owned, Tensors.of(g2,
				shape))).feed(expDiff, SquaredError.add(owned, Tensors.of(exp, shape))).feed(gamma, SquaredError.add(owned,
					Tensors.scalar((float) (GAMMA * progress))));
		}

		/**
		 * The loss at the final gamma: {@code mean (f(g1) - g2)^2 + GAMMA * mean (f(g1) - g2 - (g1(f(y)) -
		 * g2(f(y))))^2} over the fixed validation patches and draw; no metric but the loss.
		 */
		@Override
		double[] validate(final Forward network) {
			final float[] fy = network.apply(validationPatches, full, full, 1);
			final float[] g1 = NeighborSubsampler.Draw.pick(validationPatches, validationDraw.first);
			final float[] f1 = network.apply(g1, sub, sub, 1);
			double rec = 0, reg = 0;
			for (int i = 0; i < g1.length; i++) {
				final double d = f1[i] - validationPatches[validationDraw.second[i]];
				final double e = d - (fy[validationDraw.first[i]] - fy[validationDraw.second[i]]);
				rec += d * d;
				reg += e * e;
			}
			final double l = (rec + GAMMA * reg) / g1.length;
			return new double[] { l, l };
		}
	}

	private static float[] toFloats(final int[] v) {
		final float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++)
			f[i] = v[i];
		return f;
	}

	private static int[] toInts(final float[] v) {
		final int[] a = new int[v.length];
		for (int i = 0; i < v.length; i++)
			a[i] = (int) v[i];
		return a;
	}
}
