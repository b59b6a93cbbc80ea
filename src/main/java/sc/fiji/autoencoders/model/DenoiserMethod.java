package sc.fiji.autoencoders.model;

import java.util.List;

/**
 * How a denoiser was trained, as far as a trained model needs to tell people: the part of a training method (the
 * plug-in type {@code train.TrainingMethod} extends this) that the model file's readers use, found by the
 * {@link #id()} the model file records ({@link DenoiserMethods#of}).
 * <p>
 * Contract: {@link #id()} is lower case, unique among the methods, and never changes once a model file may hold it;
 * every text is for people and depends only on the method and the model given (never on the machine or the time).
 */
public interface DenoiserMethod {

	/** The model file's record of the method ({@code method} in spec.json), e.g. {@code noise2void}. */
	String id();

	/** The method's name for people, e.g. "Noise2Void"; the README, {@code info} and the export's tags name it so. */
	String displayName();

	/** What images the method learns from (the model file's {@code mode}). */
	TrainingMode mode();

	/** One line for {@code info}: the method and what it learns from, e.g. "Noise2Void (noisy images only)". */
	String description();

	/** The log's and the loss plot's name of the validation loss, e.g. "masked validation loss". */
	String validationLabel();

	/** How to print the validation metric ({@code %.2f}-style, e.g. "validation PSNR %.2f dB"), or null for none. */
	String metricLabel();

	/** The README's sentence ending of "Trained ... on ": what the model learned from and how, for this model. */
	String readme(AutoencoderModel m);

	/** The loss for the export's training details, e.g. "mean squared error on the masked pixels (Noise2Void)". */
	String loss();

	/** The papers of the method as used for this model (e.g. N2V2 and structN2V only when it used them). */
	List<Citation> citations(AutoencoderModel m);
}
