package sc.fiji.autoencoders.op;

import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The registry of {@link Operation}s: every class annotated {@code @Plugin(type = Operation.class)} on the class path,
 * found by SciJava's plug-in index (no Context needed), in the order of their priority then name. The plug-in's
 * {@code name} is the CLI subcommand, its {@code label} and {@code menuPath} the Fiji menu entry, its
 * {@code description} the help text.
 */
public final class Operations {

	private static List<PluginInfo<Operation<?, ?>>> all;

	private Operations() {}

	/** Every operation's plug-in info. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static synchronized List<PluginInfo<Operation<?, ?>>> all() {
		if (all == null) {
			final PluginIndex index = new PluginIndex();
			index.discover();
			final List<PluginInfo<Operation<?, ?>>> found = new ArrayList<>();
			for (final PluginInfo<?> info : index.getPlugins(Operation.class))
				found.add((PluginInfo) info);
			found.sort((a, b) -> a.getPriority() != b.getPriority() ? Double.compare(b.getPriority(), a.getPriority())
				: a.getName().compareTo(b.getName()));
			all = found;
		}
		return all;
	}

	/** The operation named {@code name} (its CLI subcommand), or a BadInputException listing those there are. */
	public static Operation<?, ?> get(final String name) {
		for (final PluginInfo<Operation<?, ?>> info : all())
			if (info.getName().equals(name)) return create(info);
		final List<String> names = new ArrayList<>();
		all().forEach(i -> names.add(i.getName()));
		throw new BadInputException("Unknown operation '" + name + "': use one of " + names + ".");
	}

	/** The plug-in info of {@code operation}'s class. */
	public static PluginInfo<Operation<?, ?>> info(final Class<?> operation) {
		for (final PluginInfo<Operation<?, ?>> info : all())
			if (info.getClassName().equals(operation.getName())) return info;
		throw new IllegalStateException(operation + " is not an @Plugin(type = Operation.class)");
	}

	/** A new instance of the operation. */
	public static Operation<?, ?> create(final PluginInfo<Operation<?, ?>> info) {
		try {
			return info.createInstance();
		}
		catch (final org.scijava.InstantiableException e) {
			throw new IllegalStateException("Cannot create operation " + info.getName(), e);
		}
	}

	/** The class of {@code op}'s results, from its {@code run} method (Object if it does not say). */
	public static Class<?> resultType(final Operation<?, ?> op) {
		for (final java.lang.reflect.Method m : op.getClass().getMethods())
			if (m.getName().equals("run") && m.getParameterCount() == 2 && !m.isBridge()) return m.getReturnType();
		return Object.class;
	}

	/** Runs {@code op}: the settings' check, then the work. The one path every front end takes. */
	public static <S, R> R run(final Operation<S, R> op, final S settings, final Task task) {
		op.check(settings);
		return op.run(settings, task);
	}
}
