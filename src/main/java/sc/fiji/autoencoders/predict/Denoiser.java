package sc.fiji.autoencoders.predict;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Dihedral;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.FrozenParameters;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.Upsampling;

/**
 * A loaded denoiser ready to predict: the network is rebuilt from the model's spec with its weights as constants.
 * Planes go in and come out in the image's own intensity units. Close it to free the native graph and session.
 * One instance serves one thread at a time.
 */
public final class Denoiser implements AutoCloseable {

	/** Default largest tile side: big tiles keep the margin overhead low (about 13% at depth 2). */
	public static final int DEFAULT_TILE = 1024;

	private final AutoencoderModel model;
	private final Graph graph;
	private final Session session;
	private final Placeholder<TFloat32> input;
	private final Operand<TFloat32> output;
	private final TiledPredictor tiler;
	private boolean ensemble;

	public Denoiser(final AutoencoderModel model) {
		this(model, DEFAULT_TILE, 0);
	}

	/** @param threads TensorFlow threads per operation (0: all cores) */
	public Denoiser(final AutoencoderModel model, final int tileSize, final int threads) {
		if (!model.isDenoiser()) throw new BadInputException("This is a " + model.kind +
			" model; denoising needs a denoiser model.");
		this.model = model;
		final NetworkSpec spec = model.network;
		graph = Graphs.create();
		try {
			final Ops tf = Ops.create(graph);
			input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, 1)));
			output = DenoiserNetwork.build(tf, input, spec, new FrozenParameters(tf, model.weights));
			session = Sessions.create(graph, threads);
		}
		catch (final RuntimeException e) {
			graph.close();
			throw e;
		}
		tiler = new TiledPredictor(Math.max(tileSize, 2 * spec.sizeMultiple()), receptiveRadius(spec), spec
			.sizeMultiple());
	}

	public AutoencoderModel model() {
		return model;
	}

	public TiledPredictor tiler() {
		return tiler;
	}

	/**
	 * Self-ensemble on or off: when on, {@link #denoise} averages the predictions of the 8 flips and quarter turns of
	 * the image, each mapped back (8 times the work; typically a few tenths of a dB better).
	 */
	public Denoiser setEnsemble(final boolean on) {
		ensemble = on;
		return this;
	}

	/** Denoises one plane (image units in and out). Non-finite pixels are predicted from 0 and set back afterwards. */
	public Plane denoise(final Plane in, final PredictionMonitor monitor) {
		if (!ensemble) return denoiseOnce(in, monitor);
		final float[] sum = new float[in.pixels().length];
		for (int k = 0; k < Dihedral.VIEWS; k++) {
			final int view = k;
			final Plane out = Dihedral.invert(denoiseOnce(Dihedral.apply(in, k), new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					monitor.progress(view * total + done, Dihedral.VIEWS * total);
				}

				@Override
				public boolean isCancelled() {
					return monitor.isCancelled();
				}
			}), k);
			final float[] o = out.pixels();
			for (int i = 0; i < sum.length; i++)
				sum[i] += o[i];
		}
		for (int i = 0; i < sum.length; i++)
			sum[i] /= Dihedral.VIEWS;
		return new Plane(in.width(), in.height(), sum);
	}

	private Plane denoiseOnce(final Plane in, final PredictionMonitor monitor) {
		final Plane norm = in.copy();
		final float[] px = norm.pixels();
		boolean nonFinite = false;
		for (int i = 0; i < px.length; i++) {
			if (!Float.isFinite(px[i])) {
				nonFinite = true;
				px[i] = 0;
			}
		}
		model.normalization.normalize(px);
		final Plane out = tiler.predict(norm, this::run, monitor);
		model.normalization.denormalize(out.pixels());
		if (nonFinite) {
			for (int i = 0; i < px.length; i++)
				if (!Float.isFinite(in.pixels()[i])) out.pixels()[i] = in.pixels()[i];
		}
		return out;
	}

	/** The raw network on one normalized tile whose sides are multiples of the network's size multiple. */
	public float[] run(final float[] tile, final int width, final int height) {
		try (var t = Tensors.of(tile, 1, height, width, 1); var r = session.runner().feed(input, t).fetch(output).run()) {
			return Tensors.values(r.get(0));
		}
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}

	/**
	 * An upper bound of the receptive field radius: each 3x3 convolution at level l reaches 2^l further, pooling and
	 * upsampling another 2^l, and bilinear upsampling one more.
	 */
	public static int receptiveRadius(final NetworkSpec spec) {
		int r = 0;
		for (int l = 0; l < spec.depth(); l++)
			r += 3 << l; // two convolutions and the pooling window
		r += 2 << spec.depth(); // bottleneck
		for (int l = 0; l < spec.depth(); l++)
			r += (spec.upsampling() == Upsampling.BILINEAR ? 5 : 4) << l;
		return r;
	}
}
