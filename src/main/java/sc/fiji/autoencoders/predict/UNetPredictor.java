package sc.fiji.autoencoders.predict;

import org.scijava.plugin.Plugin;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.DenoiserSpec;
import sc.fiji.autoencoders.model.FrozenParameters;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;

/**
 * The U-Net's (and plain autoencoder's) predictor: the network rebuilt from the model's {@link NetworkSpec} with its
 * weights as constants, one tensor per tile through a TensorFlow session; tiles of joint channels carry them first.
 */
@Plugin(type = DenoiserPredictor.class, priority = 100)
public final class UNetPredictor implements DenoiserPredictor {

	@Override
	public Class<? extends DenoiserSpec> type() {
		return NetworkSpec.class;
	}

	@Override
	public TileNetwork open(final AutoencoderModel model, final int tileSize, final int threads) {
		return new Open(model, tileSize, threads);
	}

	/**
	 * Tiles of cores of at most {@code tileSize} a side, planned per block within the voxel budget of
	 * {@link TileBudget#maxVoxels}, with margins of the model's measured receptive field (or, for files without one,
	 * the worst-case receptive radius of its architecture) plus the blend, and the size multiple of each axis.
	 */
	static TiledPredictor tiler(final AutoencoderModel model, final int tileSize) {
		final NetworkSpec spec = model.networkSpec();
		final int m = spec.sizeMultiple(), core = Math.max(tileSize, 2 * m);
		final long budget = TileBudget.maxVoxels(spec);
		final int r = Denoiser.marginRadius(model), blend = TiledPredictor.blend(Integer.MAX_VALUE, core);
		if (spec.dims() != 3) return new TiledPredictor(core, r + blend, m).withMaxVoxels(budget);
		final int mz = spec.zSizeMultiple(), rz = Denoiser.marginRadiusZ(model);
		final int z = Math.max(tileSize, 2 * mz), blendZ = TiledPredictor.blend(Integer.MAX_VALUE, z);
		// plus the blend, so that blended voxels see the whole receptive field too
		return new TiledPredictor(new int[] { core, core, z }, new int[] { r + blend, r + blend, rz + blendZ },
			new int[] { m, m, mz }).withMaxVoxels(budget);
	}

	/**
	 * The tiler of a network of {@code c} channels: the channels are dimension 0 of its tiles (channel fastest, as the
	 * network takes them), whole in every tile (no margin), followed by the spatial dimensions of {@code spatial}.
	 */
	private static TiledPredictor withChannels(final TiledPredictor spatial, final int c, final int dims) {
		final int[] tile = new int[dims + 1], margin = new int[dims + 1], multiple = new int[dims + 1];
		tile[0] = c;
		multiple[0] = 1;
		for (int d = 0; d < dims; d++) {
			tile[d + 1] = spatial.tileSize(d);
			margin[d + 1] = spatial.margin(d);
			multiple[d + 1] = spatial.multiple(d);
		}
		// the budget counts the voxels of all channels
		return new TiledPredictor(tile, margin, multiple).withMaxVoxels(spatial.maxVoxels() == 0 ? 0 : Math.max(1,
			spatial.maxVoxels() * c));
	}

	/** The graph and session of one model. */
	private static final class Open implements TileNetwork {

		private final Graph graph;
		private final Session session;
		private final Placeholder<TFloat32> input;
		private final Operand<TFloat32> output;
		private final TiledPredictor tiler;
		private final int channels;

		Open(final AutoencoderModel model, final int tileSize, final int threads) {
			final NetworkSpec spec = model.networkSpec();
			graph = Graphs.create();
			try {
				final Ops tf = Ops.create(graph);
				input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(DenoiserNetwork.inputShape(spec,
					1)));
				output = DenoiserNetwork.build(tf, input, spec, new FrozenParameters(tf, model.weights));
				session = Sessions.create(graph, threads);
			}
			catch (final RuntimeException e) {
				graph.close();
				throw e;
			}
			channels = spec.channels();
			tiler = channels > 1 ? withChannels(UNetPredictor.tiler(model, tileSize), channels, spec.dims())
				: UNetPredictor.tiler(model, tileSize);
		}

		@Override
		public TiledPredictor tiler() {
			return tiler;
		}

		@Override
		public float[] apply(final float[] tile, final long[] dims) {
			final long[] shape;
			if (channels > 1) { // dims: C, X, Y[, Z]; the tensor: 1, [Z,] Y, X, C
				shape = new long[dims.length + 1];
				shape[0] = 1;
				for (int d = 1; d < dims.length; d++)
					shape[dims.length - d] = dims[d];
				shape[dims.length] = dims[0];
			}
			else {
				shape = new long[dims.length + 2];
				shape[0] = 1;
				for (int d = 0; d < dims.length; d++)
					shape[dims.length - d] = dims[d];
				shape[dims.length + 1] = 1;
			}
			try (var t = Tensors.of(tile, shape); var r = session.runner().feed(input, t).fetch(output).run()) {
				return Tensors.values(r.get(0));
			}
		}

		@Override
		public void close() {
			session.close();
			graph.close();
		}
	}
}
