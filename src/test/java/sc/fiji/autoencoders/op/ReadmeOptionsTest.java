package sc.fiji.autoencoders.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.plugin.PluginInfo;

/**
 * The README's option tables are generated from the operations' settings, between two markers: this test fails when
 * they differ, so the README cannot drift from the code. {@code mvn test -Dtest=ReadmeOptionsTest -Dreadme.update=true}
 * rewrites them.
 */
class ReadmeOptionsTest {

	static final String BEGIN = "<!-- options: generated from the settings classes by ReadmeOptionsTest; edit those -->";
	static final String END = "<!-- options end -->";

	@Test
	void readmeOptionTablesAreTheSettings() throws IOException {
		final Path readme = Paths.get("README.md");
		final String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
		final int b = text.indexOf(BEGIN), e = text.indexOf(END);
		assertTrue(b >= 0 && e > b, "README.md lacks the markers " + BEGIN + " ... " + END);
		final String generated = BEGIN + "\n" + tables() + END;
		final String current = text.substring(b, e + END.length());
		if (Boolean.getBoolean("readme.update") && !generated.equals(current)) Files.write(readme, (text.substring(0,
			b) + generated + text.substring(e + END.length())).getBytes(StandardCharsets.UTF_8));
		else assertEquals(generated, current, "README.md's option tables differ from the settings: run mvn test " +
			"-Dtest=ReadmeOptionsTest -Dreadme.update=true");
	}

	/** The operation's menu entries: its label, or one per variant. */
	private static String menus(final PluginInfo<Operation<?, ?>> info) {
		final List<String> menu = new ArrayList<>();
		final Operation<?, ?> op = Operations.create(info);
		if (op.variants().isEmpty()) menu.add(info.getLabel());
		else op.variants().forEach(v -> menu.add(v.label));
		return String.join(", ", menu);
	}

	/** Markdown table cell text: a | would end the cell. */
	private static String cell(final String text) {
		return text.replace("|", "\\|");
	}

	/** One table per operation: the CLI option, the macro key, the default, and what it does. */
	static String tables() {
		final StringBuilder md = new StringBuilder("\n| subcommand | in Fiji (Plugins > Autoencoders) | what it does |\n" +
			"|---|---|---|\n");
		for (final PluginInfo<Operation<?, ?>> info : Operations.all()) {
			final List<String> names = new ArrayList<>();
			info.getMenuPath().forEach(e -> names.add(e.getName()));
			md.append("| `").append(info.getName()).append("` | ").append(names.get(names.size() - 2)).append(" > ").append(
				menus(info)).append(" | ").append(cell(info.getDescription())).append(" |\n");
		}
		for (final PluginInfo<Operation<?, ?>> info : Operations.all()) {
			final Operation<?, ?> op = Operations.create(info);
			md.append("\n#### `fiji-ae ").append(info.getName()).append("` (Fiji: ").append(menus(info)).append(")\n\n")
				.append(info.getDescription()).append("\n\n");
			md.append("| option | macro key | default | what |\n|---|---|---|---|\n");
			final Object defaults = Settings.defaults(op.settingsType());
			for (final Field f : Settings.fields(op.settingsType())) {
				final Setting s = Settings.setting(f);
				final Object d = Settings.get(f, defaults);
				final String names = String.join(", ", Settings.options(op.settingsType(), f));
				md.append("| `").append(names).append("` | ").append(s.commandLineOnly() ? "(command line)" : "`" + Settings
					.key(f) + "`").append(" | ").append(s.required() ? "required" : d == null || "".equals(d) ? "" : "`" + d +
						"`").append(" | ").append(cell(s.label() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")") + (Settings.help(f)
							.isEmpty() ? "" : ": " + Settings.help(f)))).append(s.advanced() ? " *(advanced)*" : "").append(" |\n");
			}
		}
		return md.toString();
	}
}
