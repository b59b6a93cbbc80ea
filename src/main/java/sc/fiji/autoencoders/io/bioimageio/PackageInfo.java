package sc.fiji.autoencoders.io.bioimageio;

import java.util.List;

/** What people write about a model in its bioimage.io description (the rest is read from the model file). */
public final class PackageInfo {

	/** The model's name; empty: from the model file's name. */
	public final String name;
	/** A sentence or two; empty: generated from the model file. */
	public final String description;
	public final List<String> authors;
	/** An SPDX license identifier. */
	public final String license;
	/** Tags beyond the generated ones. */
	public final List<String> tags;

	public PackageInfo(final String name, final String description, final List<String> authors, final String license,
		final List<String> tags)
	{
		this.name = name == null ? "" : name.trim();
		this.description = description == null ? "" : description.trim();
		this.authors = List.copyOf(authors);
		this.license = license;
		this.tags = List.copyOf(tags);
	}
}
