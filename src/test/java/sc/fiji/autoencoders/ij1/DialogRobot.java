package sc.fiji.autoencoders.ij1;

import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ij.gui.GenericDialog;
import ij.gui.MultiLineLabel;

/**
 * Plays the user in front of ImageJ dialogs during the macro tests: fills and confirms the dialog it is told to expect,
 * and closes any other modal dialog (a macro error, an IJ.error) after recording its text, so that a failure shows up as
 * a test failure naming the message instead of a test that hangs on an invisible window.
 */
final class DialogRobot implements AutoCloseable {

	private final Thread thread;
	private final List<String> unexpected = new ArrayList<>();
	/** The dialogs to fill, in the order they come (a command's dialog, then its advanced options). */
	private final java.util.Deque<java.util.Map.Entry<String, Consumer<GenericDialog>>> expected =
		new java.util.concurrent.ConcurrentLinkedDeque<>();
	private volatile boolean running = true;

	DialogRobot() {
		thread = new Thread(this::watch, "dialog-robot");
		thread.setDaemon(true);
		thread.start();
	}

	/** The next dialog titled {@code title} is filled by {@code fill} and confirmed with OK (after those expected before). */
	void expect(final String title, final Consumer<GenericDialog> fill) {
		expected.add(java.util.Map.entry(title, fill));
	}

	/** Texts of the dialogs nobody expected (empty when all went well). */
	synchronized List<String> unexpectedDialogs() {
		return new ArrayList<>(unexpected);
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
	}

	// -- Helper methods --

	private void watch() {
		while (running) {
			for (final Window w : Window.getWindows()) {
				if (!(w instanceof Dialog) || !w.isShowing()) continue;
				final Dialog d = (Dialog) w;
				final java.util.Map.Entry<String, Consumer<GenericDialog>> next = expected.peek();
				if (d instanceof GenericDialog && next != null && d.getTitle().equals(next.getKey())) {
					expected.poll();
					final GenericDialog gd = (GenericDialog) d;
					invoke(() -> {
						next.getValue().accept(gd);
						final Button ok = gd.getButtons()[0];
						gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, ok.getLabel()));
					});
				}
				else if (d.isModal()) {
					synchronized (this) {
						unexpected.add(d.getTitle() + ": " + text(d));
					}
					invoke(d::dispose);
				}
			}
			try {
				Thread.sleep(200);
			}
			catch (final InterruptedException e) {
				return;
			}
		}
	}

	private static void invoke(final Runnable r) {
		try {
			EventQueue.invokeAndWait(r);
		}
		catch (final Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static void setText(final GenericDialog gd, final int stringField, final String text) {
		((TextField) gd.getStringFields().get(stringField)).setText(text);
	}

	static void setChoice(final GenericDialog gd, final int choice, final String item) {
		((java.awt.Choice) gd.getChoices().get(choice)).select(item);
	}

	static void setCheckbox(final GenericDialog gd, final int checkbox, final boolean state) {
		((java.awt.Checkbox) gd.getCheckboxes().get(checkbox)).setState(state);
	}

	static void setNumber(final GenericDialog gd, final int numericField, final double value) {
		((TextField) gd.getNumericFields().get(numericField)).setText(String.valueOf(value));
	}

	private static String text(final Container c) {
		final StringBuilder sb = new StringBuilder();
		for (final Component k : c.getComponents()) {
			if (k instanceof Label) sb.append(((Label) k).getText()).append(' ');
			else if (k instanceof MultiLineLabel) sb.append(lines((MultiLineLabel) k)).append(' ');
			else if (k instanceof Container) sb.append(text((Container) k));
		}
		return sb.toString().trim();
	}

	private static String lines(final MultiLineLabel label) {
		try {
			final Field f = MultiLineLabel.class.getDeclaredField("lines");
			f.setAccessible(true);
			return String.join(" ", (String[]) f.get(label));
		}
		catch (final ReflectiveOperationException e) {
			return "(text not readable: " + e + ")";
		}
	}
}
