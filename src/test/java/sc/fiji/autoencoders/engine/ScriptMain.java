package sc.fiji.autoencoders.engine;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;

/**
 * Runs a Groovy script as Fiji's Script Editor does: the {@code #@ File name} parameter lines are taken out and their
 * values bound. Arguments: the script, then {@code name=path} pairs.
 */
public final class ScriptMain {

	private ScriptMain() {}

	public static void main(final String[] args) throws Exception {
		final String script = new String(Files.readAllBytes(new File(args[0]).toPath()), StandardCharsets.UTF_8);
		final Binding binding = new Binding();
		for (int i = 1; i < args.length; i++) {
			final String[] kv = args[i].split("=", 2);
			binding.setVariable(kv[0], new File(kv[1]));
		}
		final StringBuilder body = new StringBuilder();
		for (final String line : script.split("\n", -1))
			body.append(line.startsWith("#@") ? "" : line).append('\n');
		new GroovyShell(ScriptMain.class.getClassLoader(), binding).evaluate(body.toString());
	}
}
