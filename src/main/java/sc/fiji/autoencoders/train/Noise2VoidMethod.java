package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Citation;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Pooling;
import sc.fiji.autoencoders.model.Replacement;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * Noise2Void: noisy images alone, by blind-spot masking ({@link TrainingData.Noise2Void}), with the N2V2 changes
 * unless option {@code noN2v2}, and structN2V's line masks (option {@code structn2v}) for noise correlated along rows
 * or columns. 2D and 3D, one channel or several jointly.
 */
@Plugin(type = TrainingMethod.class, priority = 300)
public final class Noise2VoidMethod implements TrainingMethod {

	static final Citation N2V = Citation.doi("Krull, A., Buchholz, T.-O. and Jug, F. (2019). Noise2Void - learning " +
		"denoising from single noisy images. CVPR 2019, pp. 2129-2137.", "10.1109/CVPR.2019.00223");
	static final Citation N2V2 = Citation.doi("Hoeck, E., Buchholz, T.-O., Brachmann, A., Jug, F. and Freytag, A. " +
		"(2022). N2V2 - fixing Noise2Void checkerboard artifacts with modified sampling strategies and a tweaked " +
		"network architecture. ECCV 2022 Workshops, pp. 503-518.", "10.1007/978-3-031-25069-9_33");
	static final Citation STRUCT_N2V = Citation.doi("Broaddus, C., Krull, A., Weigert, M., Schmidt, U. and Myers, G. " +
		"(2020). Removing structured noise with self-supervised blind-spot networks. ISBI 2020, pp. 159-163.",
		"10.1109/ISBI45749.2020.9098336");

	@Override
	public String id() {
		return DenoiserMethods.NOISE2VOID;
	}

	@Override
	public String displayName() {
		return "Noise2Void";
	}

	@Override
	public TrainingMode mode() {
		return TrainingMode.NOISY;
	}

	@Override
	public String description() {
		return TrainingMode.NOISY.description();
	}

	@Override
	public String advice() {
		return "blind-spot masking (N2V2, structN2V; 2D and 3D, joint channels; best on real microscope noise)";
	}

	@Override
	public String validationLabel() {
		return "masked validation loss";
	}

	@Override
	public String metricLabel() {
		return null; // no clean image, no PSNR
	}

	@Override
	public String readme(final AutoencoderModel m) {
		return "noisy images only (Noise2Void" + (m.masking != null ? ", masking " + m.masking + (m.masking
			.struct() != StructMask.NONE ? ", structN2V" : "") : "") + ")";
	}

	@Override
	public String loss() {
		return "mean squared error on the masked pixels (Noise2Void)";
	}

	@Override
	public List<Citation> citations(final AutoencoderModel m) {
		final List<Citation> out = new ArrayList<>(List.of(N2V));
		// N2V2 is blur pooling and no top skip (NetworkSpec#n2v2) with a replacement that never is the pixel itself
		if (m.networkSpec().pooling() == Pooling.BLUR || m.masking != null && m.masking.excludeCentre()) out.add(N2V2);
		if (m.masking != null && m.masking.struct() != StructMask.NONE) out.add(STRUCT_N2V);
		return out;
	}

	/**
	 * Never residual: the identity path would hand each pixel's own noisy value to the output, which the blind spot
	 * keeps from the network. N2V2 unless {@code noN2v2}; in 3D only without the top skip, as blur pooling is built for
	 * planes only (model/Layers).
	 */
	@Override
	public NetworkSpec network(final NetworkSpec spec, final Options options) {
		final NetworkSpec plain = spec.withResidual(false);
		if (options.flag("noN2v2")) return plain;
		return options.number("dims") == 3 ? plain.withTopSkip(false) : plain.n2v2();
	}

	/** The blind-spot masking the options describe, checked. */
	public static Masking masking(final Options options) {
		return Masking.n2v2(options.number("maskPercent")).withExcludeCentre(!options.flag("noN2v2")).withStruct(
			StructMask.parse(options.text("structn2v"))).withReplacement(Replacement.parse(options.text(
				"maskReplacement"))).validate();
	}

	@Override
	public void check(final Options options) {
		masking(options);
	}

	@Override
	public AbstractTrainer<?> trainer(final TrainingImages inputs, final TrainingImages targets, final NetworkSpec spec,
		final TrainingConfig config, final Options options)
	{
		return DenoiserTrainer.noise2Void(inputs, masking(options), spec, config);
	}
}
