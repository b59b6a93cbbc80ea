package sc.fiji.autoencoders.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.scijava.InstantiableException;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;

/**
 * The installed plug-ins of one type, found by SciJava's plug-in index without a Context (training methods, and each
 * layer's part of a denoiser's network family). Discovery reads this jar's class loader, which is the engine's own in
 * an installed Fiji (see ISOLATION.md).
 */
public final class PluginInstances {

	private PluginInstances() {}

	/**
	 * One instance of each plug-in whose type is {@code type}, in the plug-ins' priority order (highest first), one per
	 * {@code key}: a jar on the class path twice lists its plug-ins twice.
	 *
	 * @throws IllegalStateException naming a plug-in that cannot be created (a packaging error, not the user's)
	 */
	public static <T> List<T> of(final Class<T> type, final Function<T, Object> key) {
		final PluginIndex index = new PluginIndex(new DefaultPluginFinder(PluginInstances.class.getClassLoader()));
		index.discover();
		final List<T> found = new ArrayList<>();
		for (final PluginInfo<?> info : index.getAll()) {
			if (!type.isAssignableFrom(info.getPluginType())) continue;
			try {
				final T p = type.cast(info.createInstance());
				if (found.stream().noneMatch(f -> key.apply(f).equals(key.apply(p)))) found.add(p);
			}
			catch (final InstantiableException e) {
				throw new IllegalStateException("Plug-in " + info.getClassName() + " cannot be created", e);
			}
		}
		return Collections.unmodifiableList(found);
	}
}
