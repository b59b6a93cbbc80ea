package sc.fiji.autoencoders.op;

import java.io.File;
import java.util.function.Consumer;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.ReceptiveField;
import sc.fiji.autoencoders.predict.ReceptiveFields;
import sc.fiji.autoencoders.predict.TileBudget;
import sc.fiji.autoencoders.train.AbstractTrainer;
import sc.fiji.autoencoders.train.TrainingListener;


/** The one way every training runs: checks first, then the trainer, checkpoints and the saved model. */
public final class Training {

	private Training() {}

	/** Checks the input and the output path before training (fail now, not after hours), then trains and saves. */
	public static AutoencoderModel train(final AbstractTrainer<?> trainer, final ModelKind kind, final File out,
		final File resume, final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		if (resume != null) trainer.resumeFrom(ModelFile.load(resume, kind));
		if (!trainer.checkInput()) throw new BadInputException(trainer.getErrorMessage());
		ModelFile.checkWritable(out);
		if (listener != null) trainer.addListener(listener);
		if (cancelHook != null) cancelHook.accept(trainer::cancel);
		trainer.setCheckpoint(m -> ModelFile.save(m, out));
		final AutoencoderModel model = trainer.process();
		if (model.isDenoiser() && model.network.measuresReceptiveField()) measureReceptiveField(model); // else: the bound
		ModelFile.save(model, out);
		return model;
	}

	/**
	 * Stores the trained denoiser's effective receptive field in it (its prediction tiles' margins), measured once here
	 * at the end of training; a network whose measurement would not fit the tile budget keeps the worst-case bound.
	 */
	public static void measureReceptiveField(final AutoencoderModel model) {
		model.receptiveField = ReceptiveFields.measure(model, ReceptiveField.DEFAULT_TOLERANCE, TileBudget.maxVoxels(
			model.networkSpec()), 0);
	}
}
