package sc.fiji.autoencoders.cli;

import sc.fiji.autoencoders.train.TrainingEvent;
import sc.fiji.autoencoders.train.TrainingListener;

/** How training shows progress on the terminal. */
final class Console {

	private Console() {}

	/** One line per epoch and for the start and end; steps are not shown. */
	static final TrainingListener PROGRESS = e -> {
		if (e.type != TrainingEvent.Type.STEP) System.out.println(e.message);
	};
}
