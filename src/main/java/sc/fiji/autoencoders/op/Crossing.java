package sc.fiji.autoencoders.op;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/** What crosses back from the isolated engine's copies of this plugin's classes (see engine.Engine). */
public final class Crossing {

	private Crossing() {}

	/**
	 * The exceptions of the engine's copies of this plugin's classes as the caller's own, so that a front end catching
	 * {@link BadInputException} or a cancellation sees them.
	 */
	public static RuntimeException sameKind(final RuntimeException e) {
		final String name = e.getClass().getName();
		if (!(e instanceof BadInputException) && name.equals(BadInputException.class.getName())) {
			return new BadInputException(e.getMessage(), e);
		}
		if (!(e instanceof PredictionMonitor.CancelledException) && name.equals(PredictionMonitor.CancelledException.class
			.getName()))
		{
			return new PredictionMonitor.CancelledException();
		}
		return e;
	}
}
