package sc.fiji.autoencoders.io;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Registered training pairs on disk: two folders with matching file names (each input's target has its name), or two
 * files. Sizes are checked when the images are opened ({@code Autoencoders.trainDenoiser}).
 */
public final class ImagePairs {

	/** Matching input and target files, in the inputs' (name) order. */
	public static final class Files {

		public final List<File> inputs, targets;

		Files(final List<File> inputs, final List<File> targets) {
			this.inputs = inputs;
			this.targets = targets;
		}
	}

	private ImagePairs() {}

	/**
	 * Pairs the image files of two folders by name, or two files with each other.
	 *
	 * @throws BadInputException naming the first file that has no partner, or a folder given with a file
	 */
	public static Files match(final File input, final File target) {
		if (input == null || target == null) throw new BadInputException("Pairs need both --input and --target: two " +
			"folders with matching file names (input: noisy, target: clean or a second noisy acquisition).");
		if (input.isDirectory() != target.isDirectory()) throw new BadInputException("Give two folders or two files " +
			"for the pairs, not " + (input.isDirectory() ? "a folder (" + input + ") and a file (" + target + ")"
				: "a file (" + input + ") and a folder (" + target + ")") + ".");
		if (!input.isDirectory()) {
			ImageFiles.expand(List.of(input, target)); // says which one does not exist
			return new Files(List.of(input), List.of(target));
		}
		final Map<String, File> in = byName(input), tg = byName(target);
		for (final Map.Entry<String, File> e : in.entrySet())
			if (!tg.containsKey(e.getKey())) throw new BadInputException("Input image " + e.getValue() + " has no " +
				"target: " + target + " has no file named " + e.getKey() + " (" + in.size() + " inputs, " + tg.size() +
				" targets). Give two folders with matching file names, one target per input.");
		for (final Map.Entry<String, File> e : tg.entrySet())
			if (!in.containsKey(e.getKey())) throw new BadInputException("Target image " + e.getValue() + " has no " +
				"input: " + input + " has no file named " + e.getKey() + " (" + in.size() + " inputs, " + tg.size() +
				" targets). Give two folders with matching file names, one target per input.");
		final List<File> a = new ArrayList<>(), b = new ArrayList<>();
		in.forEach((name, f) -> {
			a.add(f);
			b.add(tg.get(name));
		});
		return new Files(a, b);
	}

	private static Map<String, File> byName(final File folder) {
		final Map<String, File> m = new LinkedHashMap<>();
		for (final File f : ImageFiles.expand(List.of(folder)))
			m.put(f.getName(), f);
		return m;
	}
}
