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

	/** "42 s", or "3 min" from 90 s on. */
	static String time(final double s) {
		return s >= 90 ? String.format(java.util.Locale.ROOT, "%.0f min", s / 60) : String.format(java.util.Locale.ROOT,
			"%.0f s", s);
	}
}
