package sc.fiji.autoencoders.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A paper to cite for a model: its reference text and its DOI, or a URL where it has none. */
public final class Citation {

	private final String text, doi, url;

	private Citation(final String text, final String doi, final String url) {
		this.text = text;
		this.doi = doi;
		this.url = url;
	}

	public static Citation doi(final String text, final String doi) {
		return new Citation(text, doi, null);
	}

	public static Citation url(final String text, final String url) {
		return new Citation(text, null, url);
	}

	public String text() {
		return text;
	}

	/** As a bioimage.io {@code cite} entry: {@code text} and {@code doi} or {@code url}. */
	public Map<String, Object> toMap() {
		final Map<String, Object> e = new LinkedHashMap<>();
		e.put("text", text);
		if (doi != null) e.put("doi", doi);
		else e.put("url", url);
		return e;
	}

	@Override
	public String toString() {
		return text + (doi != null ? " doi:" + doi : " " + url);
	}
}
