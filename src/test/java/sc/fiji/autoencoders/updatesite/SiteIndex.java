package sc.fiji.autoencoders.updatesite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import sc.fiji.autoencoders.io.AtomicFiles;

/**
 * An update site's index, {@code db.xml.gz}, in the format of the ImageJ updater ({@code XMLFileWriter} and
 * {@code XMLFileReader} of imagej/imagej-updater): a gzipped {@code <pluginRecords>} document with the updater's DTD
 * inline, one {@code <plugin>} per file. Written byte for byte the same for the same records (the gzip header carries
 * no time), so an unchanged rebuild leaves it unchanged.
 */
public final class SiteIndex {

	public static final String FILE = "db.xml.gz";

	/** The DTD the updater writes into every db.xml.gz (XMLFileWriter.DTD). */
	private static final String DTD = "<!DOCTYPE pluginRecords [\n" +
		"<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>\n" +
		"<!ELEMENT update-site EMPTY>\n" + "<!ELEMENT disabled-update-site EMPTY>\n" +
		"<!ELEMENT plugin (platform*, category*, version?, previous-version*)>\n" +
		"<!ELEMENT version (description?, dependency*, link*, author*)>\n" + "<!ELEMENT previous-version EMPTY>\n" +
		"<!ELEMENT description (#PCDATA)>\n" + "<!ELEMENT dependency EMPTY>\n" + "<!ELEMENT link (#PCDATA)>\n" +
		"<!ELEMENT author (#PCDATA)>\n" + "<!ELEMENT platform (#PCDATA)>\n" + "<!ELEMENT category (#PCDATA)>\n" +
		"<!ATTLIST update-site name CDATA #REQUIRED>\n" + "<!ATTLIST update-site url CDATA #REQUIRED>\n" +
		"<!ATTLIST update-site keep-url CDATA #IMPLIED>\n" + "<!ATTLIST update-site official CDATA #IMPLIED>\n" +
		"<!ATTLIST update-site ssh-host CDATA #IMPLIED>\n" + "<!ATTLIST update-site upload-directory CDATA #IMPLIED>\n" +
		"<!ATTLIST update-site description CDATA #IMPLIED>\n" + "<!ATTLIST update-site maintainer CDATA #IMPLIED>\n" +
		"<!ATTLIST update-site timestamp CDATA #REQUIRED>\n" + "<!ATTLIST disabled-update-site name CDATA #REQUIRED>\n" +
		"<!ATTLIST disabled-update-site url CDATA #REQUIRED>\n" +
		"<!ATTLIST disabled-update-site keep-url CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site official CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site ssh-host CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site upload-directory CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site description CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site maintainer CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site timestamp CDATA #REQUIRED>\n" + "<!ATTLIST plugin update-site CDATA #IMPLIED>\n" +
		"<!ATTLIST plugin filename CDATA #REQUIRED>\n" + "<!ATTLIST plugin executable CDATA #IMPLIED>\n" +
		"<!ATTLIST dependency filename CDATA #REQUIRED>\n" + "<!ATTLIST dependency timestamp CDATA #IMPLIED>\n" +
		"<!ATTLIST dependency overrides CDATA #IMPLIED>\n" + "<!ATTLIST version timestamp CDATA #REQUIRED>\n" +
		"<!ATTLIST version checksum CDATA #REQUIRED>\n" + "<!ATTLIST version filesize CDATA #REQUIRED>\n" +
		"<!ATTLIST previous-version filename CDATA #IMPLIED>\n" +
		"<!ATTLIST previous-version timestamp CDATA #REQUIRED>\n" +
		"<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>\n" +
		"<!ATTLIST previous-version checksum CDATA #REQUIRED>]>\n";

	private SiteIndex() {}

	/** The records of the db.xml.gz at {@code file}. */
	public static List<SiteRecord> read(final Path file) throws IOException {
		final Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			doc = f.newDocumentBuilder().parse(in);
		}
		catch (final ParserConfigurationException | SAXException e) {
			throw new IOException(file + " is not an update site's index: " + e.getMessage(), e);
		}
		final List<SiteRecord> records = new ArrayList<>();
		for (final Element p : children(doc.getDocumentElement(), "plugin")) {
			final SiteRecord r = new SiteRecord(p.getAttribute("filename"));
			for (final Element e : children(p, "platform"))
				r.platforms.add(e.getTextContent());
			for (final Element v : children(p, "version")) {
				r.current = new SiteRecord.Version(v.getAttribute("checksum"), Long.parseLong(v.getAttribute("timestamp")),
					r.filename, 0);
				r.filesize = Long.parseLong(v.getAttribute("filesize"));
				for (final Element e : children(v, "description"))
					r.description = e.getTextContent();
				for (final Element e : children(v, "dependency"))
					r.dependencies.put(e.getAttribute("filename"), number(e.getAttribute("timestamp")));
				for (final Element e : children(v, "link"))
					r.links.add(e.getTextContent());
				for (final Element e : children(v, "author"))
					r.authors.add(e.getTextContent());
			}
			for (final Element e : children(p, "previous-version"))
				r.previous.add(new SiteRecord.Version(e.getAttribute("checksum"), number(e.getAttribute("timestamp")), e
					.hasAttribute("filename") ? e.getAttribute("filename") : null, number(e.getAttribute(
						"timestamp-obsolete"))));
			records.add(r);
		}
		return records;
	}

	/** Writes {@code records} to the db.xml.gz at {@code file}, atomically. */
	public static void write(final Collection<SiteRecord> records, final Path file) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write(xml(records).getBytes(StandardCharsets.UTF_8));
		}
		final Path tmp = AtomicFiles.createTemporary(file.toFile());
		Files.write(tmp, bytes.toByteArray());
		AtomicFiles.move(tmp.toFile(), file.toFile());
	}

	static String xml(final Collection<SiteRecord> records) {
		final StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DTD).append(
			"<pluginRecords>\n");
		for (final SiteRecord r : records) {
			s.append("    <plugin filename=\"").append(escape(r.filename)).append("\">\n");
			for (final String p : r.platforms)
				element(s, 8, "platform", p);
			if (r.current != null) {
				s.append("        <version checksum=\"").append(r.current.checksum).append("\" timestamp=\"").append(
					r.current.timestamp).append("\" filesize=\"").append(r.filesize).append("\">\n");
				if (r.description != null) element(s, 12, "description", r.description);
				for (final Map.Entry<String, Long> d : r.dependencies.entrySet())
					s.append("            <dependency filename=\"").append(escape(d.getKey())).append(
						"\" timestamp=\"").append(d.getValue()).append("\"/>\n");
				for (final String l : r.links)
					element(s, 12, "link", l);
				for (final String a : r.authors)
					element(s, 12, "author", a);
				s.append("        </version>\n");
			}
			for (final SiteRecord.Version v : r.previous) {
				s.append("        <previous-version timestamp=\"").append(v.timestamp).append("\" timestamp-obsolete=\"")
					.append(v.timestampObsolete).append("\" checksum=\"").append(v.checksum).append('"');
				if (v.filename != null) s.append(" filename=\"").append(escape(v.filename)).append('"');
				s.append("/>\n");
			}
			s.append("    </plugin>\n");
		}
		return s.append("</pluginRecords>\n").toString();
	}

	private static void element(final StringBuilder s, final int indent, final String tag, final String text) {
		s.append(" ".repeat(indent)).append('<').append(tag).append('>').append(escape(text)).append("</").append(tag)
			.append(">\n");
	}

	private static String escape(final String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static long number(final String value) {
		return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
	}

	private static List<Element> children(final Element parent, final String tag) {
		final List<Element> list = new ArrayList<>();
		final NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++)
			if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && tag.equals(nodes.item(i).getNodeName())) list.add(
				(Element) nodes.item(i));
		return list;
	}
}
