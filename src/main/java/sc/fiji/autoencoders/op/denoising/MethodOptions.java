package sc.fiji.autoencoders.op.denoising;

import java.lang.reflect.Field;

import sc.fiji.autoencoders.train.TrainingMethod;

/**
 * A training method's options: the public fields of a {@link TrainDenoiserSettings}, read by name, so that a method
 * declares its options as settings fields and reads them itself, with nothing in between to extend.
 */
public final class MethodOptions implements TrainingMethod.Options {

	private final TrainDenoiserSettings settings;

	public MethodOptions(final TrainDenoiserSettings settings) {
		this.settings = settings;
	}

	@Override
	public String text(final String field) {
		return String.valueOf(get(field));
	}

	@Override
	public double number(final String field) {
		final Object v = get(field);
		if (!(v instanceof Number)) throw new IllegalArgumentException("Setting " + field + " is not a number");
		return ((Number) v).doubleValue();
	}

	@Override
	public boolean flag(final String field) {
		final Object v = get(field);
		if (!(v instanceof Boolean)) throw new IllegalArgumentException("Setting " + field + " is not a checkbox");
		return (Boolean) v;
	}

	/** A method asking for a field that does not exist is a programming error, not bad input. */
	private Object get(final String field) {
		try {
			final Field f = TrainDenoiserSettings.class.getField(field);
			return f.get(settings);
		}
		catch (final NoSuchFieldException | IllegalAccessException e) {
			throw new IllegalArgumentException("TrainDenoiserSettings has no public field " + field, e);
		}
	}
}
