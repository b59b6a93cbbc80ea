package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.FrozenParameters;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.NoiseFitOptions;
import sc.fiji.autoencoders.noise.NoiseModelFitting;

/**
 * DivNoising's noise model from the noisy images alone, as the {@code noise-model} operation bootstraps it (PN2V): a
 * Noise2Void denoiser trained on the same images for a {@link #SHARE} of the run's budget gives the pseudo-signal, and a
 * Gaussian mixture is fitted to (signal, noisy) pairs. The prediction is smoother than the truth, so the fitted noise is
 * a little wider than calibration data would give.
 */
final class DivNoisingBootstrap {

	/** The share of the run's time budget (or epochs) that the Noise2Void training takes. */
	static final double SHARE = 0.25;

	private final List<TrainingListener> listeners;
	private volatile DenoiserTrainer trainer;
	private volatile boolean cancelled;

	DivNoisingBootstrap(final List<TrainingListener> listeners) {
		this.listeners = listeners;
	}

	void cancel() {
		cancelled = true;
		final DenoiserTrainer t = trainer;
		if (t != null) t.cancel();
	}

	/** @param noisy 2D images of one channel */
	ChannelNoiseModels fit(final List<RandomAccessibleInterval<? extends RealType<?>>> noisy,
		final TrainingConfig config)
	{
		final TrainingConfig c = config.copy();
		if (c.minutes > 0) c.minutes = c.minutes * SHARE;
		if (c.epochs > 0) c.epochs = Math.max(1, (int) Math.round(c.epochs * SHARE));
		final NetworkSpec spec = NetworkSpec.unet(2, 32).withResidual(false).n2v2();
		// in memory or not, every pixel goes into the fit below anyway: the denoiser's normalization may read them all
		final DenoiserTrainer t = DenoiserTrainer.noise2Void(TrainingImages.of(2, List.of(noisy)), Masking.n2v2(5),
			spec, c);
		listeners.forEach(t::addListener);
		trainer = t;
		if (cancelled) t.cancel();
		final AutoencoderModel n2v = t.process();
		final List<float[]> x = new ArrayList<>(), s = new ArrayList<>();
		for (final RandomAccessibleInterval<? extends RealType<?>> image : noisy) {
			final float[] px = TrainingImages.floats(image);
			x.add(px);
			s.add(predict(n2v, px, (int) image.dimension(0), (int) image.dimension(1)));
		}
		return new ChannelNoiseModels(List.of(NoiseModelFitting.fit(x, s, new NoiseFitOptions())));
	}

	/**
	 * The denoiser on a whole w x h plane (row-major pixels), mirrored out to its size multiple (a plane of training
	 * size fits in memory).
	 */
	static float[] predict(final AutoencoderModel m, final float[] p, final int w, final int h) {
		final int mult = m.networkSpec().sizeMultiple();
		final int pw = (w + mult - 1) / mult * mult, ph = (h + mult - 1) / mult * mult;
		final Normalization n = m.normalization;
		final float[] in = new float[pw * ph];
		for (int y = 0; y < ph; y++)
			for (int xx = 0; xx < pw; xx++)
				in[y * pw + xx] = n.normalize(p[mirror(y, h) * w + mirror(xx, w)]);
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, ph, pw, 1)));
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, x, m.networkSpec(), new FrozenParameters(tf, m.weights));
			try (Session s = Sessions.create(g, 0); var t = Tensors.of(in, 1, ph, pw, 1); var r = s.runner().feed(x, t)
				.fetch(out).run())
			{
				final float[] o = Tensors.values(r.get(0));
				final float[] result = new float[w * h];
				for (int y = 0; y < h; y++)
					for (int xx = 0; xx < w; xx++)
						result[y * w + xx] = n.denormalize(o[y * pw + xx]);
				return result;
			}
		}
	}

	/** Mirror without repeating the edge pixel, as the tiles' margins are. */
	private static int mirror(final int i, final int n) {
		if (n == 1) return 0;
		final int period = 2 * n - 2;
		final int r = Math.floorMod(i, period);
		return r < n ? r : period - r;
	}
}
