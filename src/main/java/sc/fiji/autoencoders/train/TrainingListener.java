package sc.fiji.autoencoders.train;

/** Receives training progress. Called on the training thread: keep it quick and hand UI work to the UI thread. */
@FunctionalInterface
public interface TrainingListener {

	void onEvent(TrainingEvent event);
}
