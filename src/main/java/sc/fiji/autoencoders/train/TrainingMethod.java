package sc.fiji.autoencoders.train;

import org.scijava.plugin.SciJavaPlugin;

import sc.fiji.autoencoders.model.DenoiserMethod;
import sc.fiji.autoencoders.model.NetworkSpec;

/**
 * A way of training a denoiser, as a plug-in: {@code @Plugin(type = TrainingMethod.class)} on a class with a public
 * no-argument constructor is all a new method needs to be found ({@link TrainingMethods}), listed, recorded in model
 * files and described in {@code info} and bioimage.io exports ({@link DenoiserMethod}).
 * <p>
 * Contract, beyond {@link DenoiserMethod}'s: a method is stateless (one instance serves every run); it reads its
 * options only through {@link Options}, by the settings' field names; {@link #check} throws
 * {@link sc.fiji.autoencoders.base.BadInputException} naming the problem and the fix, before any image is read;
 * {@link #network} returns the network it trains (a method whose loss would be defeated by the residual connection
 * turns it off); {@link #trainer} returns a trainer that runs on the one {@link TrainingLoop} (its clock ends the run
 * and ramps any weight by {@link TrainingLoop#progress()}) and records {@link #id()} as the model's {@code method}.
 */
public interface TrainingMethod extends DenoiserMethod, SciJavaPlugin {

	/** A training run's options, read by the name of their settings field (e.g. {@code maskPercent}). */
	interface Options {

		String text(String field);

		double number(String field);

		boolean flag(String field);
	}

	/**
	 * When to choose this method, for the help of the setting that picks it (e.g. "blind-spot masking; best on real
	 * microscope noise"): what it needs and what it is best at, in a user's words.
	 */
	default String advice() {
		return description();
	}

	/** Throws when the options (e.g. {@code dims}, {@code channels}) ask for what this method cannot train. */
	default void check(final Options options) {}

	/** The network this method trains, from the one the settings describe. */
	default NetworkSpec network(final NetworkSpec spec, final Options options) {
		return spec;
	}

	/**
	 * The trainer for these images.
	 *
	 * @param targets the targets of {@code inputs} (same count and sizes) for a method of mode pairs, else null
	 */
	AbstractTrainer<?> trainer(TrainingImages inputs, TrainingImages targets, NetworkSpec spec, TrainingConfig config,
		Options options);
}
