package sc.fiji.autoencoders.engine;

import java.io.File;
import java.util.Locale;
import java.util.Map;

/**
 * The platforms the plugin ships TensorFlow's native libraries for, by the ImageJ updater's names (as its
 * {@code net.imagej.updater.util.Platforms} spells them: {@code linux64}, {@code linux-arm64}, {@code macos-arm64},
 * {@code win64}) and by TensorFlow Java's Maven classifiers. The update site puts each platform's native jar in
 * {@code lib/<platform>/fiji-autoencoders/}, the folder the updater itself reads as that platform's, so that every
 * user downloads only their own.
 */
public final class AppPlatform {

	/** Updater platform name to the classifier of TensorFlow Java 1.1's {@code tensorflow-core-native} jar. */
	public static final Map<String, String> TENSORFLOW_CLASSIFIERS = Map.of("linux64", "linux-x86_64", "linux-arm64",
		"linux-arm64", "macos-arm64", "macosx-arm64", "win64", "windows-x86_64");

	private AppPlatform() {}

	/** The updater's name for the platform this JVM runs on, e.g. {@code linux64}. */
	public static String current() {
		return of(System.getProperty("os.name"), System.getProperty("os.arch"));
	}

	/** The updater's name for an {@code os.name} and {@code os.arch}, as {@code Platforms.current()} derives it. */
	public static String of(final String osName, final String osArch) {
		final String name = osName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
		final String os = name.startsWith("linux") ? "linux" : name.startsWith("mac") ? "macos" : name.startsWith("win")
			? "win" : name;
		switch (osArch) {
			case "amd64":
			case "x64":
			case "x86-64":
			case "x86_64":
				return os + "64";
			case "aarch64":
				return os + "-arm64";
			case "i386":
			case "i486":
			case "i586":
			case "i686":
			case "x86":
			case "x86-32":
			case "x86_32":
				return os + "32";
			default:
				return os + "-" + osArch;
		}
	}

	/** The folder, below the application folder, holding {@code platform}'s native jars. */
	public static String nativeFolder(final String platform) {
		return "lib/" + platform + "/fiji-autoencoders";
	}

	/** {@code app}'s folder of native jars for this JVM's platform. */
	public static File nativeFolder(final File app) {
		return new File(app, nativeFolder(current()));
	}
}
