package sc.fiji.autoencoders.command;

import java.io.File;
import java.util.Collections;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.CodeModelTrainingSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.train.TrainingConfig;

/**
 * What Train Variational Autoencoder and Train Autoencoder for Features share: the training stack, the model file,
 * the parameters of {@link CodeModelTrainingSettings}, and the run. A subclass adds the parameters of its own settings
 * class (SciJava lists a class's inherited parameters first: the stack, the model file, these, then the subclass's).
 *
 * @param <S> the settings class, whose every field a subclass or this class offers as a parameter
 */
abstract class TrainCodeModel<S extends CodeModelTrainingSettings> extends ContextCommand {

	@Parameter(label = "Training stack (same-size slices)")
	private ImagePlus image;

	@Parameter(label = "Model file to write", style = FileWidget.SAVE_STYLE)
	private File model_file;

	@Parameter(label = "Depth (stride-2 convolutions)", min = "1", max = "5")
	private int depth = 2;

	@Parameter(label = "Base filters", min = "1", max = "256")
	private int filters = 32;

	@Parameter(label = "Epochs", min = "1")
	private int epochs = 10;

	@Parameter(label = "Time budget (minutes, 0 = none)", min = "0")
	private double minutes = 15;

	@Parameter(label = "Batch size", min = "1")
	private int batch_size = TrainingConfig.VAE_BATCH;

	@Parameter(label = "Learning rate", min = "0")
	private float learning_rate = TrainingConfig.VAE_LEARNING_RATE;

	@Parameter(label = "Validation fraction", min = "0", max = "1")
	private double validation_fraction = 0.1;

	@Parameter(label = "Random seed")
	private long seed = 42;

	@Parameter(label = "TensorFlow threads (0 = all cores)", min = "0")
	private int threads = 0;

	// not persisted: a script that leaves it out must start a new model, not resume the last one used
	@Parameter(label = "Resume from model (optional)", required = false, persist = false)
	private File resume_from;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	/** A new settings object with the defaults, which {@link #run} fills from the parameters. */
	abstract S newSettings();


	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			final AutoencoderModel model = Autoencoders.trainCodeModel(Collections.singletonList(image), Settings.copy(
				this, newSettings()), model_file, new ProgressReporter(log, status), null);
			summary = "Saved " + model_file + ": " + model.summary();
			log.info(summary);
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
