package sc.fiji.autoencoders.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.plugin.PluginInfo;

/**
 * plugins.config (ImageJ 1's menu entries) is derived from the operations: one entry per operation, or per variant,
 * under the operation's menu path, each running {@code ij1.OperationPlugIn}. A new operation fails this test until its
 * line is added; the failure message is the file to write.
 */
class PluginsConfigTest {

	@Test
	void menuEntriesAreTheOperations() throws IOException {
		final List<String> lines = new ArrayList<>();
		for (final String line : Files.readAllLines(Paths.get("src/main/resources/plugins.config"), StandardCharsets.UTF_8))
			if (!line.startsWith("#") && !line.trim().isEmpty()) lines.add(line);
		assertEquals(String.join("\n", expected()), String.join("\n", lines), "plugins.config must list the " +
			"operations' menu entries; write the lines above into it");
	}

	/** The entries, grouped by submenu in the order a newcomer wants them, then by priority. */
	static List<String> expected() {
		final List<String> out = new ArrayList<>();
		for (final String group : List.of("Denoise", "Generate and Codes", "Models"))
			for (final PluginInfo<Operation<?, ?>> info : Operations.all()) {
				final List<String> names = new ArrayList<>();
				info.getMenuPath().forEach(e -> names.add(e.getName()));
				final String dir = String.join(">", names.subList(0, names.size() - 1));
				if (!dir.endsWith(">" + group)) continue;
				final Operation<?, ?> op = Operations.create(info);
				if (op.variants().isEmpty()) out.add(line(dir, info.getLabel(), info.getName()));
				else for (final Variant<?> v : op.variants())
					out.add(line(dir, v.label, info.getName() + ":" + v.id));
			}
		return out;
	}

	private static String line(final String dir, final String label, final String arg) {
		return dir + ", \"" + label + "\", sc.fiji.autoencoders.ij1.OperationPlugIn(\"" + arg + "\")";
	}
}
