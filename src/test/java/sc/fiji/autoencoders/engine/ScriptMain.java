package sc.fiji.autoencoders.engine;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.scijava.Context;
import org.scijava.service.Service;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;

/**
 * Runs a Groovy script as Fiji's Script Editor does: the {@code #@ File name} parameter lines are taken out and their
 * values bound; a {@code #@ SomeService name} line binds that service of a context with every service, as Fiji's.
 * Arguments: the script, then {@code name=path} pairs.
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
		Context context = null;
		for (final String line : script.split("\n", -1)) {
			final String[] parameter = line.substring(line.startsWith("#@") ? 2 : 0).trim().split("\\s+");
			if (line.startsWith("#@") && parameter[0].endsWith("Service")) {
				if (context == null) context = new Context();
				binding.setVariable(parameter[1], service(context, parameter[0]));
			}
			body.append(line.startsWith("#@") ? "" : line).append('\n');
		}
		try {
			new GroovyShell(ScriptMain.class.getClassLoader(), binding).evaluate(body.toString());
		}
		finally {
			if (context != null) context.dispose();
		}
	}

	/** The service whose class or one of whose interfaces has the simple name {@code type}. */
	private static Service service(final Context context, final String type) {
		for (final Service s : context.getServiceIndex())
			for (Class<?> c = s.getClass(); c != null; c = c.getSuperclass()) {
				if (c.getSimpleName().equals(type)) return s;
				for (final Class<?> i : c.getInterfaces())
					if (i.getSimpleName().equals(type)) return s;
			}
		throw new IllegalArgumentException("No " + type + " in the context");
	}
}
