package sc.fiji.autoencoders.engine;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.jar.JarFile;

import org.scijava.Cancelable;

/**
 * Decides where TensorFlow runs: in the caller's class loader (the usual case: a flat class path with TensorFlow Java
 * 1.1 on it, no cost), or in one {@link EngineClassLoader} per JVM, when the legacy TensorFlow 1.x jars of other Fiji
 * plugins are visible, or when the plugin is installed with its TensorFlow jars in {@code <app>/lib/fiji-autoencoders/}
 * (where Fiji's class loader does not look; the update site puts the natives in
 * {@code <app>/lib/<platform>/fiji-autoencoders/}, see {@link AppPlatform}). Entry points (ImageJ 1 plugins, SciJava
 * commands, the CLI) call {@link #delegate} first: in the isolated case it runs the same class inside the engine and
 * returns true.
 */
public final class Engine {

	/** System property: {@code true} always isolates, {@code false} never; unset: automatic. */
	public static final String ISOLATE = "fiji.ae.isolate";
	/** Folder, below the application folder, holding the jars to isolate. */
	public static final String LIB = "lib/fiji-autoencoders";

	private static ClassLoader loader;
	private static boolean decided;

	private Engine() {}

	/** True when this class (and so the caller) runs inside the engine's class loader. */
	public static boolean isIsolated() {
		final ClassLoader l = Engine.class.getClassLoader();
		return l != null && l.getClass().getName().equals(EngineClassLoader.class.getName());
	}

	/** The engine's class loader, made once per JVM, or null when TensorFlow runs in the caller's class loader. */
	public static synchronized ClassLoader loader() {
		if (decided) return loader;
		decided = true;
		if (isIsolated()) return null;
		final String mode = System.getProperty(ISOLATE, "auto");
		if ("false".equals(mode)) return null;
		final File self = codeSource(Engine.class);
		final List<URL> urls = new ArrayList<>();
		final File app = self == null ? null : self.getAbsoluteFile().getParentFile().getParentFile();
		final File[] jars = app == null ? null : jars(new File(app, LIB));
		if (jars != null && jars.length > 0) {
			urls.add(url(self));
			for (final File j : jars)
				urls.add(url(j));
			// the update site installs TensorFlow's natives for this platform only, in the updater's platform folder
			final File[] natives = jars(AppPlatform.nativeFolder(app));
			if (natives != null) for (final File j : natives)
				urls.add(url(j));
		}
		else if ("true".equals(mode) || legacyTensorFlowVisible(Engine.class.getClassLoader())) {
			for (final File f : classPath(Engine.class.getClassLoader()))
				if (!isLegacyTensorFlow(f)) urls.add(url(f));
		}
		else return null;
		loader = new EngineClassLoader(urls, Engine.class.getClassLoader());
		return loader;
	}

	/**
	 * Runs {@code call} on a twin of {@code self} made inside the engine (same class, no-argument constructor), with
	 * {@code self}'s fields copied in and the twin's copied back (parameters in, outputs out), and returns true; returns
	 * false, doing nothing, when no isolation is needed and {@code self} should do the work itself.
	 */
	public static <T> boolean delegate(final T self, final Consumer<T> call) {
		final ClassLoader l = loader();
		if (l == null) return false;
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		try {
			@SuppressWarnings("unchecked")
			final T twin = (T) Class.forName(self.getClass().getName(), true, l).getDeclaredConstructor().newInstance();
			copyFields(self, twin);
			thread.setContextClassLoader(l);
			call.accept(twin);
			copyFields(twin, self);
			if (twin instanceof Cancelable && ((Cancelable) twin).isCanceled()) ((Cancelable) self).cancel(
				((Cancelable) twin).getCancelReason());
			return true;
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("Could not start " + self.getClass().getSimpleName() +
				" in the isolated TensorFlow class loader: " + e, e);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** Calls {@code static int run(String...)} of the class {@code mainClass} inside the engine (the CLI). */
	public static int runMain(final String mainClass, final String... args) {
		final ClassLoader l = loader();
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		try {
			thread.setContextClassLoader(l);
			return (Integer) Class.forName(mainClass, true, l).getMethod("run", String[].class).invoke(null,
				(Object) args);
		}
		catch (final InvocationTargetException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			if (e.getCause() instanceof Error) throw (Error) e.getCause();
			throw new IllegalStateException(e.getCause());
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("Could not start the command line in the isolated class loader: " + e, e);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * Applies a new instance of {@code function}, made inside the engine (the same class loaded by the engine's loader,
	 * by its public no-argument constructor), to {@code input}, and returns its result: the crossing for APIs called
	 * directly rather than through a command (scripts, ImgLib2 images). It is typed by the JDK's {@link Function}, which
	 * every class loader shares; input and result must be of shared types too (the JDK, ImageJ, ImgLib2). Exceptions
	 * come out as thrown (the plugin's own exception classes as the engine's copies of them).
	 *
	 * @throws IllegalStateException if there is no engine ({@link #loader()} is null)
	 */
	@SuppressWarnings("unchecked")
	public static <I, O> O apply(final Class<? extends Function<I, O>> function, final I input) {
		final ClassLoader l = loader();
		if (l == null) throw new IllegalStateException("No isolated engine: apply " + function.getName() + " directly");
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		try {
			thread.setContextClassLoader(l);
			final Function<I, O> twin = (Function<I, O>) Class.forName(function.getName(), true, l)
				.getDeclaredConstructor().newInstance();
			return twin.apply(input);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("Could not make " + function.getName() + " in the isolated TensorFlow class " +
				"loader: " + e, e);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** True when the legacy TensorFlow 1.x Java API (libtensorflow.jar, with org.tensorflow.NativeLibrary) is visible. */
	public static boolean legacyTensorFlowVisible(final ClassLoader l) {
		return l.getResource("org/tensorflow/NativeLibrary.class") != null;
	}

	// -- Helper methods --

	static boolean isLegacyTensorFlow(final File f) {
		if (!f.isFile()) return false;
		if (f.getName().matches("libtensorflow(_jni)?-1\\..*\\.jar")) return true;
		try (JarFile jar = new JarFile(f)) {
			return jar.getEntry("org/tensorflow/NativeLibrary.class") != null;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** The class path as the JVM and the URL class loaders up the chain see it, in order. */
	static List<File> classPath(final ClassLoader start) {
		final Set<File> files = new LinkedHashSet<>();
		final List<ClassLoader> chain = new ArrayList<>();
		for (ClassLoader l = start; l != null; l = l.getParent())
			chain.add(0, l);
		for (final ClassLoader l : chain)
			if (l instanceof URLClassLoader) for (final URL u : ((URLClassLoader) l).getURLs())
				files.add(file(u));
		for (final String p : System.getProperty("java.class.path", "").split(File.pathSeparator))
			if (!p.isEmpty()) files.add(new File(p).getAbsoluteFile());
		files.remove(null);
		return new ArrayList<>(files);
	}

	private static File[] jars(final File folder) {
		final File[] jars = folder.listFiles((d, n) -> n.endsWith(".jar"));
		if (jars != null) Arrays.sort(jars);
		return jars;
	}

	private static void copyFields(final Object from, final Object to) throws IllegalAccessException {
		for (Class<?> c = from.getClass(), d = to.getClass(); c.getName().startsWith("sc.fiji.autoencoders."); c = c
			.getSuperclass(), d = d.getSuperclass())
		{
			for (final Field f : c.getDeclaredFields()) {
				if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
				final Field g;
				try {
					g = d.getDeclaredField(f.getName());
				}
				catch (final NoSuchFieldException e) {
					continue;
				}
				f.setAccessible(true);
				g.setAccessible(true);
				final Object value = f.get(from);
				// values of the plugin's own classes exist once per class loader: only shared types cross over
				if (value == null || g.getType().isInstance(value) || g.getType().isPrimitive()) g.set(to, value);
			}
		}
	}

	private static File codeSource(final Class<?> c) {
		try {
			return c.getProtectionDomain().getCodeSource() == null ? null : new File(c.getProtectionDomain()
				.getCodeSource().getLocation().toURI());
		}
		catch (final URISyntaxException | IllegalArgumentException e) {
			return null;
		}
	}

	private static File file(final URL u) {
		try {
			return "file".equals(u.getProtocol()) ? new File(u.toURI()).getAbsoluteFile() : null;
		}
		catch (final URISyntaxException | IllegalArgumentException e) {
			return null;
		}
	}

	private static URL url(final File f) {
		try {
			return f.toURI().toURL();
		}
		catch (final MalformedURLException e) {
			throw new IllegalStateException(e);
		}
	}
}
