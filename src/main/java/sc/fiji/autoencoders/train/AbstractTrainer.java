package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.model.TrainingHistory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * What every trainer shares, in the engine pattern: configure, {@link #checkInput()}, {@link #process()}, and
 * {@link #cancel()} from another thread (the best model so far is returned); listeners, resuming and checkpoints.
 *
 * @param <T> the trainer itself, so that the setters chain
 */
public abstract class AbstractTrainer<T extends AbstractTrainer<T>> {

	protected final TrainingConfig config;
	private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
	/** The model to continue, or null for a new one. */
	protected AutoencoderModel resume;
	private Consumer<AutoencoderModel> checkpoint;
	private volatile TrainingLoop loop;
	private volatile boolean cancelled;
	private String errorMessage;

	protected AbstractTrainer(final TrainingConfig config) {
		this.config = config;
	}

	/** Trains and returns the model with the best validation loss. */
	public abstract AutoencoderModel process();

	/** Throws {@link BadInputException} naming the problem and the fix when the input cannot be trained on. */
	protected abstract void validate();

	/** Continues training {@code model} (its weights, normalization, history and optimizer state). */
	@SuppressWarnings("unchecked")
	public T resumeFrom(final AutoencoderModel model) {
		resume = model;
		return (T) this;
	}

	/**
	 * Receives the best model so far each time validation improves (with its optimizer state), so that a killed run
	 * loses nothing: the CLI and commands write it to the output file atomically.
	 */
	@SuppressWarnings("unchecked")
	public T setCheckpoint(final Consumer<AutoencoderModel> c) {
		checkpoint = c;
		return (T) this;
	}

	public void addListener(final TrainingListener l) {
		listeners.add(l);
	}

	/** Stops after the current step; {@link #process()} then returns the best model so far. */
	public void cancel() {
		cancelled = true;
		final TrainingLoop l = loop;
		if (l != null) l.cancel();
	}

	/** Returns false and sets {@link #getErrorMessage()} if the input cannot be trained on. */
	public boolean checkInput() {
		try {
			validate();
			errorMessage = null;
			return true;
		}
		catch (final BadInputException e) {
			errorMessage = e.getMessage();
			return false;
		}
	}

	public String getErrorMessage() {
		return errorMessage;
	}

	/**
	 * The loop for one run, with this trainer's listeners, cancellation and checkpoint. {@code toModel} turns a
	 * checkpoint's outcome into the model to save.
	 */
	protected TrainingLoop newLoop(final TrainingConfig cfg, final String metricLabel,
		final java.util.function.Function<TrainingLoop.Outcome, AutoencoderModel> toModel)
	{
		return newLoop(cfg, metricLabel, toModel, history -> true);
	}

	/**
	 * As above; checkpoints are written only while {@code worthSaving} accepts the history, so that a run that blew
	 * up does not overwrite the output file (which may be the model it resumed from).
	 */
	protected TrainingLoop newLoop(final TrainingConfig cfg, final String metricLabel,
		final java.util.function.Function<TrainingLoop.Outcome, AutoencoderModel> toModel,
		final java.util.function.Predicate<TrainingHistory> worthSaving)
	{
		return newLoop(cfg, "validation loss", metricLabel, toModel, worthSaving);
	}

	/** As above, with the log's name of the validation loss (e.g. "masked validation loss"); metricLabel may be null. */
	protected TrainingLoop newLoop(final TrainingConfig cfg, final String validationLabel, final String metricLabel,
		final java.util.function.Function<TrainingLoop.Outcome, AutoencoderModel> toModel,
		final java.util.function.Predicate<TrainingHistory> worthSaving)
	{
		final TrainingLoop l = new TrainingLoop(cfg, validationLabel, metricLabel);
		l.addListeners(listeners);
		if (checkpoint != null) l.setCheckpoint((best, history, step, lr) -> {
			if (worthSaving.test(history)) checkpoint.accept(toModel.apply(new TrainingLoop.Outcome(best, history.copy(),
				step, lr, false, "checkpoint")));
		});
		loop = l;
		if (cancelled) l.cancel();
		return l;
	}

	/** Runs {@code loop}, continuing the resumed model's history, step count, learning rate and best weights. */
	protected TrainingLoop.Outcome run(final TrainingLoop l, final TrainingLoop.Problem problem) {
		return l.run(problem, resume != null ? resume.history.copy() : new TrainingHistory(), resume != null
			? resume.steps : 0, resume != null ? resume.learningRate : config.learningRate, resume != null ? resume.weights
				: null);
	}
}
