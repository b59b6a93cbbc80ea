package sc.fiji.autoencoders.io;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import sc.fiji.autoencoders.BadInputException;

/** Class labels of images: one per plane, from the stack's slice labels. */
public final class Labels {

	private Labels() {}

	/**
	 * The first line of each slice label of the stack, in plane order.
	 *
	 * @throws BadInputException naming the first slice without a label
	 */
	public static List<String> ofSlices(final ImagePlus imp) {
		final ImageStack stack = imp.getStack();
		final List<String> out = new ArrayList<>();
		for (int i = 1; i <= stack.getSize(); i++) {
			final String l = stack.getSliceLabel(i);
			final String first = l == null ? "" : l.split("\n", 2)[0].trim();
			if (first.isEmpty()) throw new BadInputException("Slice " + i + " of '" + imp.getTitle() + "' has no label, " +
				"so it has no class: give every slice a label (Image > Stacks > Tools > Set Label...), or choose labels " +
				"'none'.");
			out.add(first);
		}
		return out;
	}
}
