package sc.fiji.autoencoders.updatesite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import sc.fiji.autoencoders.io.AtomicFiles;

/**
 * Makes an ImageJ update site from a folder laid out like a Fiji.app (what {@code mvn package} stages in
 * target/update-site-files): {@code db.xml.gz} and every file under its timestamped name
 * ({@code plugins/Fiji_Autoencoders-0.1.0.jar-20261207040000}), as the updater downloads them.
 * <p>
 * Given the index of the release before (by default the site folder's own), it makes the next release the way the
 * updater's upload does: an unchanged file (same checksum, computed as the updater does) keeps its record and
 * timestamp, so it is no update; a changed one gets this build's timestamp and its old version becomes a
 * {@code previous-version}; a file that is gone stays as an obsolete record (no current version), which the updater
 * uninstalls. A file's platform comes from its path as the updater reads it ({@code lib/<platform>/...}); metadata from
 * the jar's own POM; each plugin depends on the platform-independent libraries.
 * <p>
 * Build tooling: {@code mvn package} runs it (exec-maven-plugin, test class path), and it is not in the plugin's jar.
 * Usage: {@code --files DIR --site DIR [--previous DB_XML_GZ_OR_SITE] [--cache FILE] [--timestamp yyyyMMddHHmmss]
 * [--zip PREFIX]}.
 */
public final class UpdateSiteBuilder {

	/** The platform names the updater knows ({@code Platforms.known()} and the old {@code linux32}...). */
	static final Set<String> PLATFORMS = Set.of("linux32", "linux64", "linux-arm64", "linuxx", "macos64",
		"macos-arm64", "macosx", "win32", "win64", "win-arm64", "winx");

	private final Path files;
	private final Path site;
	private final long timestamp;
	private final ChecksumCache cache;

	public UpdateSiteBuilder(final Path files, final Path site, final long timestamp, final Path cache)
		throws IOException
	{
		this.files = files;
		this.site = site;
		this.timestamp = timestamp;
		this.cache = new ChecksumCache(cache);
	}

	/** The timestamp of now, as the updater writes it (local time, yyyyMMddHHmmss). */
	public static long now() {
		return Long.parseLong(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
	}

	/** The platform of a file at {@code path}, as the updater's {@code Checksummer.guessPlatform} reads it, or null. */
	static String platform(final String path) {
		final String[] parts = path.split("/");
		if (parts.length < 3 || !(parts[0].equals("lib") || parts[0].equals("jars"))) return null;
		return PLATFORMS.contains(parts[1]) ? parts[1] : null;
	}

	/**
	 * Writes the site: the files not yet there, then db.xml.gz (last, so that a site is never indexed before its files
	 * are in place). Returns the records written.
	 */
	public List<SiteRecord> build(final List<SiteRecord> previous) throws IOException {
		final Map<String, SiteRecord> before = new HashMap<>();
		for (final SiteRecord r : previous)
			before.put(r.key(), r);
		final Map<String, SiteRecord> records = new TreeMap<>();
		for (final Path f : list(files)) {
			final String path = files.relativize(f).toString().replace('\\', '/');
			final SiteRecord r = record(path, f, before.remove(SiteRecord.key(path)));
			records.put(r.filename, r);
		}
		for (final SiteRecord gone : before.values()) {
			if (gone.current != null) gone.previous.add(new SiteRecord.Version(gone.current.checksum,
				gone.current.timestamp, gone.filename, timestamp));
			gone.current = null;
			records.put(gone.filename, gone);
		}
		addDependencies(records.values());
		cache.save();
		for (final SiteRecord r : records.values())
			if (r.current != null) publish(files.resolve(r.filename), site.resolve(r.siteName()));
		SiteIndex.write(records.values(), site.resolve(SiteIndex.FILE));
		return new ArrayList<>(records.values());
	}

	private SiteRecord record(final String path, final Path f, final SiteRecord before) throws IOException {
		final String checksum = cache.checksum(path, f);
		final SiteRecord r = new SiteRecord(path);
		final boolean unchanged = before != null && before.current != null && before.current.checksum.equals(checksum) &&
			before.filename.equals(path);
		r.current = new SiteRecord.Version(checksum, unchanged ? before.current.timestamp : timestamp, path, 0);
		r.filesize = Files.size(f);
		if (before != null) {
			r.previous.addAll(before.previous);
			if (before.current != null && !unchanged) r.previous.add(new SiteRecord.Version(before.current.checksum,
				before.current.timestamp, before.filename, timestamp));
		}
		final String platform = platform(path);
		if (platform != null) r.platforms.add(platform);
		if (path.endsWith(".jar")) {
			final JarMetadata m = JarMetadata.of(f);
			r.description = m.description;
			r.links.addAll(m.links);
			r.authors.addAll(m.authors);
		}
		if (r.description == null) r.description = path.replaceAll(".*/", "") + ", a library of Fiji Autoencoders";
		if (platform != null) r.description += " (native libraries for " + platform + ")";
		return r;
	}

	/** A plugin needs the libraries its engine loads: every platform-independent file under lib/. */
	private static void addDependencies(final Iterable<SiteRecord> records) {
		final Map<String, Long> libraries = new LinkedHashMap<>();
		for (final SiteRecord r : records)
			if (r.current != null && r.filename.startsWith("lib/") && r.platforms.isEmpty()) libraries.put(r.filename,
				r.current.timestamp);
		for (final SiteRecord r : records)
			if (r.current != null && r.filename.startsWith("plugins/")) r.dependencies.putAll(libraries);
	}

	/** Puts {@code file} on the site under {@code target}, unless it is there: linked where possible, else copied. */
	private static void publish(final Path file, final Path target) throws IOException {
		if (Files.exists(target)) return;
		Files.createDirectories(target.getParent());
		final Path tmp = AtomicFiles.createTemporary(target.toFile());
		Files.delete(tmp);
		try {
			Files.createLink(tmp, file);
		}
		catch (final IOException | UnsupportedOperationException e) {
			Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
		}
		AtomicFiles.move(tmp.toFile(), target.toFile());
	}

	static List<Path> list(final Path folder) throws IOException {
		try (Stream<Path> s = Files.walk(folder)) {
			return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
	}

	/** The records of the release before: {@code previous} (a db.xml.gz or a site folder), if it has one. */
	static List<SiteRecord> previous(final Path previous) throws IOException {
		final Path db = previous == null ? null : Files.isDirectory(previous) ? previous.resolve(SiteIndex.FILE)
			: previous;
		return db != null && Files.isRegularFile(db) ? SiteIndex.read(db) : List.of();
	}

	public static void main(final String... args) throws IOException {
		final Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) throw new IllegalArgumentException("Expected an option, not " + args[i]);
			options.put(args[i].substring(2), args[i + 1]);
		}
		if (!options.containsKey("files") || !options.containsKey("site")) throw new IllegalArgumentException(
			"Usage: --files DIR --site DIR [--previous DB_XML_GZ_OR_SITE] [--cache FILE] [--timestamp yyyyMMddHHmmss] " +
				"[--zip PREFIX]");
		final Path files = Paths.get(options.get("files")), site = Paths.get(options.get("site"));
		if (!Files.isDirectory(files)) throw new IllegalArgumentException("No files to publish: " + files +
			" is not a folder");
		Files.createDirectories(site);
		final String previous = options.getOrDefault("previous", "");
		final List<SiteRecord> before = previous(previous.isEmpty() ? site : Paths.get(previous));
		final long timestamp = options.containsKey("timestamp") ? Long.parseLong(options.get("timestamp")) : now();
		final String cache = options.get("cache");
		final List<SiteRecord> records = new UpdateSiteBuilder(files, site, timestamp, cache == null ? null : Paths.get(
			cache)).build(before);
		long changed = records.stream().filter(r -> r.current != null && r.current.timestamp == timestamp).count();
		System.out.println("[update-site] " + site + ": " + records.size() + " files, " + changed + " new in this release");
		if (options.containsKey("zip")) for (final Path zip : OfflineZips.write(files, options.get("zip")))
			System.out.println("[update-site] offline install: " + zip);
	}
}
