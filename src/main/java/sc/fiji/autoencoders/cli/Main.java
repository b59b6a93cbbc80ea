package sc.fiji.autoencoders.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.PluginInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * {@code fiji-ae}: the headless command line. Each subcommand calls the same core as the Fiji commands. Exit status: 0
 * success, 2 bad usage or input (a one-line message naming the fix on stderr), 1 any other failure. Never touches AWT.
 */
@Command(name = "fiji-ae", mixinStandardHelpOptions = true, version = "Fiji Autoencoders 0.1.0",
	description = "Train and apply convolutional autoencoders (denoisers and VAEs) without Fiji's GUI.")
public final class Main implements Runnable {

	public static final int OK = 0;
	public static final int FAILURE = 1;
	public static final int BAD_INPUT = 2;
	/** Stopped by Ctrl-C (as a shell reports SIGINT). */
	public static final int INTERRUPTED = 130;

	/**
	 * Inherited, so every subcommand accepts it in any position. bin/fiji-ae reads it too: without it, the launcher
	 * drops TensorFlow's INFO and WARNING lines from stderr (see {@link StderrFilter}).
	 */
	@Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show TensorFlow's own log lines (bin/" +
		"fiji-ae hides its INFO and WARNING lines otherwise) and the stack trace of a failure.")
	boolean verbose;

	@Override
	public void run() {
		final List<String> names = new ArrayList<>();
		Operations.all().forEach(i -> names.add(i.getName()));
		throw new CommandLine.ParameterException(new CommandLine(this), "Missing subcommand: use one of " + String.join(
			", ", names) + " (fiji-ae --help lists them).");
	}

	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		// with legacy TensorFlow 1.x jars on the class path, run inside the isolated engine (see Engine)
		final int status = Engine.loader() != null ? Engine.runMain(Main.class.getName(), args) : run(args);
		StderrFilter.drain();
		System.exit(status);
	}

	/** The command line: every operation's subcommand, derived from its settings (see OperationCommand). */
	public static CommandLine commandLine() {
		final CommandLine cl = new CommandLine(new Main());
		for (final PluginInfo<Operation<?, ?>> info : Operations.all())
			cl.addSubcommand(info.getName(), OperationCommand.of(info));
		return cl;
	}

	/** Runs the CLI in this JVM and returns the exit status (for tests). */
	public static int run(final String... args) {
		final CommandLine cl = commandLine();
		cl.setParameterExceptionHandler((ex, a) -> {
			final PrintWriter err = ex.getCommandLine().getErr();
			err.println("Error: " + ex.getMessage());
			if (!ex.getMessage().contains("--help")) err.println("Run 'fiji-ae " + ex.getCommandLine().getCommandName()
				.replace("fiji-ae", "").trim() + " --help' for the options.");
			return BAD_INPUT;
		});
		cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
			final PrintWriter err = c.getErr();
			if (ex instanceof BadInputException) {
				err.println("Error: " + ex.getMessage());
				return BAD_INPUT;
			}
			// by name: an isolated engine's copy of the class is another class
			if (ex.getClass().getName().equals(PredictionMonitor.CancelledException.class.getName())) {
				err.println("Stopped.");
				return INTERRUPTED;
			}
			err.println("Failed: " + ex);
			if (verbose(parseResult) || System.getenv("FIJI_AE_DEBUG") != null) ex.printStackTrace(err);
			else err.println("(run with --verbose for the stack trace)");
			return FAILURE;
		});
		try {
			return cl.execute(args);
		}
		catch (final OutOfMemoryError e) {
			System.err.println("Failed: out of memory. Give Java more heap (JAVA_OPTS=-Xmx8g) or use smaller tiles " +
				"(--tile 512).");
			return FAILURE;
		}
	}

	/** True if --verbose was given, before or after the subcommand's name. */
	static boolean verbose(final ParseResult parsed) {
		for (ParseResult p = parsed; p != null; p = p.subcommand())
			if (p.hasMatchedOption("--verbose")) return true;
		return false;
	}
}
