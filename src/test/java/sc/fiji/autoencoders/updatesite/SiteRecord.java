package sc.fiji.autoencoders.updatesite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code <plugin>} record of an update site's db.xml.gz: a file (by its path in a Fiji.app), its current version
 * (absent when the file is obsolete), its metadata and its previous versions.
 */
public final class SiteRecord {

	/** One version of a file: checksum, timestamp (yyyyMMddHHmmss) and the file name it had. */
	public static final class Version {

		public final String checksum;
		public final long timestamp;
		public final String filename;
		/** When it stopped being the current version (previous versions only), else 0. */
		public final long timestampObsolete;

		public Version(final String checksum, final long timestamp, final String filename,
			final long timestampObsolete)
		{
			this.checksum = checksum;
			this.timestamp = timestamp;
			this.filename = filename;
			this.timestampObsolete = timestampObsolete;
		}
	}

	/** The path in a Fiji.app, with its version, e.g. {@code plugins/Fiji_Autoencoders-0.1.0.jar}. */
	public final String filename;
	public final Set<String> platforms = new LinkedHashSet<>();
	/** Null when the file is obsolete (removed from the site). */
	public Version current;
	public long filesize;
	public String description;
	/** Dependencies: file name to its timestamp. */
	public final Map<String, Long> dependencies = new LinkedHashMap<>();
	public final Set<String> links = new LinkedHashSet<>();
	public final Set<String> authors = new LinkedHashSet<>();
	public final List<Version> previous = new ArrayList<>();

	public SiteRecord(final String filename) {
		this.filename = filename;
	}

	/** The name the updater matches records by: the path without the file's version. */
	public String key() {
		return key(filename);
	}

	public static String key(final String filename) {
		return org.scijava.util.FileUtils.stripFilenameVersion(filename);
	}

	/** The name of the current version's file on the site: {@code <filename>-<timestamp>}. */
	public String siteName() {
		return filename + "-" + current.timestamp;
	}
}
