package sc.fiji.autoencoders.ij1;

import java.awt.GraphicsEnvironment;
import java.lang.reflect.Field;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;
import sc.fiji.autoencoders.op.Settings;

/** Helpers shared by the ImageJ 1 commands: dialogs that macros can fill, input images, errors. */
final class PlugInSupport {

	private PlugInSupport() {}

	/** True when dialogs, windows and plots may be shown (not headless, not a batch-mode macro). */
	static boolean interactive() {
		return !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode();
	}

	/** Shows a result: a window when interactive, else registers it so that macros can select it. */
	static void show(final ImagePlus imp) {
		if (interactive() || Interpreter.isBatchMode()) imp.show();
		else WindowManager.setTempCurrentImage(imp);
	}

	/**
	 * Reports a bad input in a dialog, or in the log when headless or in a batch-mode macro (a modal dialog would block
	 * unattended runs), and aborts a running macro.
	 */
	static void error(final String title, final String message) {
		if (!interactive()) IJ.log(title + ": " + message);
		else IJ.error(title, message);
		IJ.showStatus("");
		IJ.showProgress(1.0);
		if (Interpreter.getInstance() != null) Interpreter.abort();
	}

	/** The first image of the settings' images, or null. */
	static ImagePlus firstImage(final Object settings) {
		for (final Field f : Settings.fields(settings.getClass())) {
			if (!Settings.isImages(f)) continue;
			final Object v = Settings.get(f, settings);
			if (v instanceof ImagePlus) return (ImagePlus) v;
			if (v instanceof java.util.List && !((java.util.List<?>) v).isEmpty()) return (ImagePlus) ((java.util.List<?>) v)
				.get(0);
		}
		return null;
	}
}
