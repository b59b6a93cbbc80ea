package sc.fiji.autoencoders.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a jar's own Maven POM ({@code META-INF/maven/<group>/<artifact>/pom.xml}) says of it, as the updater reads it
 * when it uploads a jar ({@code POMParser}): the description (else the name), the project's URL as a link, the
 * developers as authors.
 */
final class JarMetadata {

	String description;
	final List<String> links = new ArrayList<>();
	final List<String> authors = new ArrayList<>();

	private JarMetadata() {}

	/** The jar's metadata; empty when it holds no POM. */
	static JarMetadata of(final Path jar) throws IOException {
		final JarMetadata m = new JarMetadata();
		try (JarFile j = new JarFile(jar.toFile())) {
			for (final JarEntry e : Collections.list(j.entries())) {
				if (!e.getName().matches("META-INF/maven/[^/]+/[^/]+/pom\\.xml")) continue;
				try (InputStream in = j.getInputStream(e)) {
					m.read(in);
				}
				break;
			}
		}
		return m;
	}

	private void read(final InputStream in) throws IOException {
		final Document doc;
		try {
			final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			doc = f.newDocumentBuilder().parse(in);
		}
		catch (final ParserConfigurationException | SAXException e) {
			return; // a jar whose POM does not parse simply has no metadata
		}
		final Element project = doc.getDocumentElement();
		description = text(project, "description");
		if (description == null) description = text(project, "name");
		final String url = text(project, "url");
		if (url != null) links.add(url);
		final Element developers = child(project, "developers");
		if (developers != null) for (Node n = developers.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element) {
				final String name = text((Element) n, "name");
				if (name != null) authors.add(name);
			}
	}

	private static String text(final Element parent, final String tag) {
		final Element e = child(parent, tag);
		final String t = e == null ? null : e.getTextContent().replaceAll("\\s+", " ").trim();
		return t == null || t.isEmpty() || t.contains("${") ? null : t;
	}

	private static Element child(final Element parent, final String tag) {
		final NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++)
			if (nodes.item(i) instanceof Element && tag.equals(nodes.item(i).getNodeName())) return (Element) nodes.item(
				i);
		return null;
	}
}
