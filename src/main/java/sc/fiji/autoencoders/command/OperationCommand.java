package sc.fiji.autoencoders.command;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.scijava.Cancelable;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;
import sc.fiji.autoencoders.op.Outcome;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.op.Variant;

/**
 * An {@link Operation} as a SciJava command, one per operation, made by {@link OperationCommandInfo} (no class per
 * command): its inputs are the operation's settings and its outputs the result's {@link Outcome}, the main one under
 * the command's output name. Runs in the isolated engine when one is needed.
 */
public class OperationCommand implements Command, Cancelable {

	/**
	 * The operation's name, the variant whose settings are inputs (null: all but the command line's own) and the
	 * result's output name: strings, so that they cross into the engine's twin.
	 */
	String operation, variant, output;
	/** The inputs given and the outputs by name: JDK maps of shared types, so that they cross into the engine's twin. */
	Map<String, Object> values = new LinkedHashMap<>(), results = new LinkedHashMap<>();
	private String cancelReason;

	@Parameter
	private LogService log;

	/** The outputs the operation's result type gives. */
	Map<String, Class<?>> outputs() {
		return Outcome.outputs(Operations.resultType(Operations.get(operation)), output);
	}

	@Override
	public void run() {
		results = new LinkedHashMap<>();
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			run(Operations.get(operation));
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}

	private <S, R> void run(final Operation<S, R> op) {
		final S settings = Settings.defaults(op.settingsType());
		final Variant<S> v = Variant.of(op, variant);
		if (v != null) v.apply(settings);
		final Set<String> used = new HashSet<>();
		for (final Field f : Variant.shown(op, v)) {
			Object value = values.get(Settings.key(f));
			// an earlier name shared by several settings (the "image" of every kind of training data) goes to the first
			for (final String alias : Settings.setting(f).aliases())
				if (value == null && values.get(alias) != null && used.add(alias)) value = values.get(alias);
			if (value == null) continue;
			Settings.set(f, settings, value);
		}
		final R result = Operations.run(op, settings, new Task() {

			@Override
			public void log(final String line) {
				log.info(line);
			}
		});
		present(result, settings);
	}

	private void present(final Object result, final Object settings) {
		final Outcome o = Outcome.of(result, settings, output);
		if (o.message != null) log.info(o.message);
		results.putAll(o.outputs);
	}

	@Override
	public boolean isCanceled() {
		return cancelReason != null;
	}

	@Override
	public void cancel(final String reason) {
		cancelReason = reason == null ? "" : reason;
	}

	@Override
	public String getCancelReason() {
		return cancelReason;
	}
}
