package sc.fiji.autoencoders.engine;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of the engine: this plugin's classes and TensorFlow Java 1.1 (with JavaCPP and protobuf), loaded from
 * its own jars before the parent's, so that the legacy TensorFlow 1.x jars which other Fiji plugins put on the parent
 * class path (same class names, e.g. {@code org.tensorflow.Graph}) are never seen by the engine, and the engine's are
 * never seen by them. ImageJ, SciJava, ImgLib2 and the JDK come from the parent, so images, dialogs and services are
 * shared with Fiji.
 */
public final class EngineClassLoader extends URLClassLoader {

	/** Packages loaded from the engine's own jars first. */
	private static final String[] CHILD_FIRST = { "sc.fiji.autoencoders.", "org.tensorflow.", "org.bytedeco.",
		"com.google.protobuf.", "org.yaml.snakeyaml." }; // SnakeYAML: the version export is tested with, not Fiji's

	static {
		registerAsParallelCapable();
	}

	public EngineClassLoader(final List<URL> urls, final ClassLoader parent) {
		super("fiji-autoencoders-engine", urls.toArray(new URL[0]), parent);
	}

	@Override
	protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
		if (!childFirst(name)) return super.loadClass(name, resolve);
		synchronized (getClassLoadingLock(name)) {
			Class<?> c = findLoadedClass(name);
			if (c == null) {
				try {
					c = findClass(name);
				}
				catch (final ClassNotFoundException e) {
					c = super.loadClass(name, false);
				}
			}
			if (resolve) resolveClass(c);
			return c;
		}
	}

	/** Resources from the engine's jars first: JavaCPP finds TensorFlow's native libraries this way. */
	@Override
	public URL getResource(final String name) {
		final URL url = findResource(name);
		return url != null ? url : super.getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(final String name) throws IOException {
		final List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
		final ClassLoader parent = getParent();
		if (parent != null) for (final URL u : Collections.list(parent.getResources(name)))
			if (!all.contains(u)) all.add(u);
		return Collections.enumeration(all);
	}

	private static boolean childFirst(final String name) {
		for (final String p : CHILD_FIRST)
			if (name.startsWith(p)) return true;
		return false;
	}
}
