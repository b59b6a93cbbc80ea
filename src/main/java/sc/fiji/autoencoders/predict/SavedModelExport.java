package sc.fiji.autoencoders.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.FrozenParameters;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;

/**
 * Writes a denoiser's network as a TensorFlow SavedModel (tag {@code serve}, signature {@code serving_default} with
 * input {@link #INPUT} and output {@link #OUTPUT}) through TensorFlow Java's own exporter, for other programs
 * (deepImageJ, bioimage.io tools, Python's {@code tf.saved_model.load}). The graph is the one {@link Denoiser} runs:
 * normalized values in and out, shape [batch, y, x, channels] or [batch, z, y, x, channels], each spatial size a
 * multiple of the network's size step. The weights are graph constants (as in {@link Denoiser}), so the SavedModel
 * has no variables to restore and every consumer sees exactly the stored weights.
 */
public final class SavedModelExport {

	/** The signature's input and output names (also the tensor ids of the bioimage.io description). */
	public static final String INPUT = "input", OUTPUT = "output";

	private SavedModelExport() {}

	/** Writes the SavedModel into {@code dir} (created; must not hold one already). */
	public static void write(final AutoencoderModel model, final Path dir) throws IOException {
		if (!model.isDenoiser()) throw new BadInputException("Only denoisers can be written as a SavedModel (this is a " +
			model.kind + ").");
		Files.createDirectories(dir);
		try (Graph graph = Graphs.create()) {
			final Ops tf = Ops.create(graph);
			// batch -1: consumers may stack several tiles
			final Placeholder<TFloat32> input = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(
				DenoiserNetwork.inputShape(model.networkSpec(), -1)));
			final Operand<TFloat32> out = tf.withName(OUTPUT).identity(DenoiserNetwork.build(tf, input, model.networkSpec(),
				new FrozenParameters(tf, model.weights)));
			// all cores, not 1: TensorFlow sizes process-wide thread state by a JVM's first session (Sessions)
			try (Session session = Sessions.create(graph, 0)) {
				SavedModelBundle.exporter(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG).withSession(session)
					.withSignature(Signature.builder().key(Signature.DEFAULT_KEY).methodName(
						"tensorflow/serving/predict").input(INPUT, input).output(OUTPUT, out).build()).export();
			}
		}
	}

	/**
	 * Loads a SavedModel written by {@link #write} with this TensorFlow and runs its {@code serving_default} signature on
	 * the whole tensor (no tiling, as a consumer of the SavedModel would): normalized values of the given shape in, the
	 * network's output (same shape) out.
	 */
	public static float[] run(final Path dir, final float[] values, final long[] shape) {
		Graphs.loadNative();
		try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
			TFloat32 in = Tensors.of(values, shape);
			Result r = bundle.function(Signature.DEFAULT_KEY).call(java.util.Map.of(INPUT, in)))
		{
			return Tensors.values(r.get(OUTPUT).orElseThrow(() -> new IllegalStateException("The SavedModel has no " +
				"output " + OUTPUT)));
		}
	}
}
