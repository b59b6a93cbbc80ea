package sc.fiji.autoencoders.cli;

import sc.fiji.autoencoders.engine.Engine;

/**
 * The command line started from an installed Fiji ({@code java -cp "Fiji.app/jars/*:Fiji.app/plugins/*"
 * sc.fiji.autoencoders.cli.Launcher ...}), where picocli and TensorFlow sit in {@code lib/fiji-autoencoders/}: this
 * class refers to neither, and runs {@link Main} inside the engine's class loader (or directly on a flat class path).
 */
public final class Launcher {

	private Launcher() {}

	public static void main(final String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		final String main = "sc.fiji.autoencoders.cli.Main";
		if (Engine.loader() != null) System.exit(Engine.runMain(main, args));
		Class.forName(main).getMethod("main", String[].class).invoke(null, (Object) args);
	}
}
