package sc.fiji.autoencoders.ij1;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.lang.reflect.Field;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/** Helpers shared by the ImageJ 1 commands: dialogs that macros can fill, input images, errors. */
final class PlugInSupport {

	private PlugInSupport() {}

	/** True when dialogs, windows and plots may be shown (not headless, not a batch-mode macro). */
	static boolean interactive() {
		return !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode();
	}

	/** Adds the image choice (key {@code image}), defaulting to the active image; fails if no image is open. */
	static void addImage(final GenericDialog gd, final String label) {
		if (WindowManager.getImageCount() == 0) throw new BadInputException(
			"No image is open: open the image first (File > Open), then run this command.");
		final ImagePlus active = WindowManager.getCurrentImage();
		gd.addImageChoice(MacroKeys.IMAGE, active != null ? active.getTitle() : null);
		gd.setInsets(0, 20, 5);
		gd.addMessage(label);
	}

	static File file(final String path, final String what) {
		if (path == null || path.trim().isEmpty()) throw new BadInputException("No " + what + " given: choose a file.");
		return new File(path.trim());
	}

	/** Optional file: null for an empty path. */
	static File optionalFile(final String path) {
		return path == null || path.trim().isEmpty() ? null : new File(path.trim());
	}

	/** Denoising progress on ImageJ's progress bar and status line; Esc cancels between tiles. */
	static PredictionMonitor denoisingMonitor() {
		return new PredictionMonitor() {

			@Override
			public void progress(final long done, final long total) {
				IJ.showProgress((double) done / total);
				IJ.showStatus("Denoising tile " + done + "/" + total + " (Esc cancels)");
			}

			@Override
			public boolean isCancelled() {
				return IJ.escapePressed();
			}
		};
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

	/** The file a training writes: the setting that {@link Setting#writes()} and is not only the command line's. */
	static File writtenFile(final Object settings) {
		for (final Field f : Settings.fields(settings.getClass())) {
			final Setting s = Settings.setting(f);
			if (s.writes() && !s.commandLineOnly() && f.getType() == File.class) return (File) Settings.get(f, settings);
		}
		return null;
	}
}
