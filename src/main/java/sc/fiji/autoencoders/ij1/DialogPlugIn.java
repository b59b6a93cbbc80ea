package sc.fiji.autoencoders.ij1;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.engine.Engine;

/**
 * An ImageJ 1 plugin that is one dialog and one call into the core: runs in the isolated engine when one is needed,
 * shows the dialog (filled from the macro options when run from a macro, so it records and replays), and reports bad
 * input as a message naming the fix instead of a stack trace.
 */
public abstract class DialogPlugIn implements PlugIn {

	private final String title;

	protected DialogPlugIn(final String title) {
		this.title = title;
	}

	/** Adds the fields, in the order {@link #apply} reads them; their labels are the macro keys. */
	protected abstract void addFields(GenericDialog gd);

	/** Reads the fields and does the work. */
	protected abstract void apply(GenericDialog gd);

	@Override
	public final void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		try {
			final GenericDialog gd = new GenericDialog(title);
			addFields(gd);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			apply(gd);
		}
		catch (final BadInputException e) {
			PlugInSupport.error(title, e.getMessage());
		}
	}
}
