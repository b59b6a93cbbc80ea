package sc.fiji.autoencoders.train;

import java.util.List;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Citation;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * Neighbor2Neighbor ({@link Neighbor2NeighborData}): noisy planes alone, two sub-sampled halves of each patch
 * trained one onto the other; an ordinary (residual) denoiser. Single-channel 2D networks, pixel-independent noise.
 */
@Plugin(type = TrainingMethod.class, priority = 200)
public final class Neighbor2NeighborMethod implements TrainingMethod {

	static final Citation NEIGHBOR2NEIGHBOR = Citation.doi("Huang, T., Li, S., Jia, X., Lu, H. and Liu, J. (2021). " +
		"Neighbor2Neighbor: self-supervised denoising from single noisy images. CVPR 2021, pp. 14781-14790.",
		"10.1109/CVPR46437.2021.01454");

	@Override
	public String id() {
		return DenoiserMethods.NEIGHBOR2NEIGHBOR;
	}

	@Override
	public String displayName() {
		return "Neighbor2Neighbor";
	}

	@Override
	public TrainingMode mode() {
		return TrainingMode.NOISY;
	}

	@Override
	public String description() {
		return "Neighbor2Neighbor (noisy images only)";
	}

	@Override
	public String advice() {
		return "sub-sampled pairs, a loss on every pixel (single-channel planes, pixel-independent noise; best on " +
			"photographs with synthetic noise)";
	}

	@Override
	public String validationLabel() {
		return "sub-sampled validation loss";
	}

	@Override
	public String metricLabel() {
		return null; // no clean image, no PSNR
	}

	@Override
	public String readme(final AutoencoderModel m) {
		return "noisy images only (Neighbor2Neighbor: two sub-samplings of each noisy patch, one pixel apart, trained " +
			"one onto the other with the paper's regulariser)";
	}

	@Override
	public String loss() {
		return "mean squared error between the output on one sub-sampling and the other, plus the Neighbor2Neighbor " +
			"regulariser (weight rising from 0 to " + Neighbor2NeighborData.GAMMA + ")";
	}

	@Override
	public List<Citation> citations(final AutoencoderModel m) {
		return List.of(NEIGHBOR2NEIGHBOR);
	}

	@Override
	public void check(final Options options) {
		final boolean threeD = options.number("dims") == 3, joint = "joint".equals(options.text("channels"));
		if (threeD || joint) throw new BadInputException("Neighbor2Neighbor trains 2D networks of one channel: for " +
			(threeD ? "a 3D network" : "channels trained jointly") + " choose noisy method " + DenoiserMethods.NOISE2VOID +
			".");
		if (StructMask.parse(options.text("structn2v")) != StructMask.NONE) throw new BadInputException("structN2V (" +
			options.text("structn2v") + ") is a Noise2Void mask for noise correlated along rows or columns, which " +
			"Neighbor2Neighbor cannot handle: choose noisy method " + DenoiserMethods.NOISE2VOID + ", or structN2V none.");
	}

	@Override
	public AbstractTrainer<?> trainer(final TrainingImages inputs, final TrainingImages targets, final NetworkSpec spec,
		final TrainingConfig config, final Options options)
	{
		return DenoiserTrainer.neighbor2Neighbor(inputs, spec, config);
	}
}
