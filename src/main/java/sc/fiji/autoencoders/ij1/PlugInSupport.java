package sc.fiji.autoencoders.ij1;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

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
}
