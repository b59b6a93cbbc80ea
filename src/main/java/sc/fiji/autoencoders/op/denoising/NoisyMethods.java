package sc.fiji.autoencoders.op.denoising;

import java.util.LinkedHashMap;
import java.util.Map;

import sc.fiji.autoencoders.model.DenoiserMethod;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.op.ChoiceSource;
import sc.fiji.autoencoders.train.TrainingMethod;
import sc.fiji.autoencoders.train.TrainingMethods;

/** The installed training methods that learn from noisy images alone: the choices of the noisy-method setting. */
public final class NoisyMethods implements ChoiceSource {

	/** Not a method: development builds recorded it as their default, and it means Noise2Void. */
	public static final String AUTO = TrainingMethods.AUTO;

	@Override
	public Map<String, String> choices() {
		final Map<String, String> choices = new LinkedHashMap<>();
		for (final DenoiserMethod m : DenoiserMethods.all())
			if (m instanceof TrainingMethod && m.mode() == TrainingMode.NOISY) choices.put(m.id(), ((TrainingMethod) m)
				.advice());
		return choices;
	}
}
