package sc.fiji.autoencoders.base;

/**
 * A problem with what the user gave (an image, a file, a parameter), with a message that names the problem and the fix.
 * Commands show the message in a dialog or the log; the CLI prints it on stderr and exits with status 2.
 */
public class BadInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public BadInputException(final String message) {
		super(message);
	}

	public BadInputException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
