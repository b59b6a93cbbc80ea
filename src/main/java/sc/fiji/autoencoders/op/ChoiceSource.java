package sc.fiji.autoencoders.op;

import java.util.Map;

/**
 * The values of a text {@link Setting} that are not constants but what is installed (e.g. the training methods, which
 * are plug-ins), named by {@link Setting#choicesFrom()} so that a new plug-in is offered by every front end, listed in
 * the help and accepted in macros without editing the settings class.
 * <p>
 * Contract: a public class with a public no-argument constructor; {@link #choices()} is the same on every call in one
 * JVM, its values are lower case and never change once recorded (macros and scripts hold them).
 */
public interface ChoiceSource {

	/** Each value and when to choose it ("blind-spot masking; best on real microscope noise"), in the order shown. */
	Map<String, String> choices();
}
