package sc.fiji.autoencoders.command;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleException;

/**
 * The module of an {@link OperationCommand}: its settings inputs are kept by name here, and given to the command when
 * it runs (only those a script gave or a dialog asked, so that the others keep the core's defaults); its results are
 * the command's.
 */
final class OperationModule extends CommandModule {

	/** Made on first use: SciJava's constructor already assigns presets. */
	private Map<String, Object> inputs;

	OperationModule(final OperationCommandInfo info) throws ModuleException {
		super(info);
	}

	OperationModule(final OperationCommandInfo info, final Command command) {
		super(info, command);
	}

	@Override
	public Object getInput(final String name) {
		return derives(name) ? inputs().get(name) : super.getInput(name);
	}

	@Override
	public void setInput(final String name, final Object value) {
		if (derives(name)) inputs().put(name, value);
		else super.setInput(name, value);
	}

	@Override
	public Object getOutput(final String name) {
		return derives(name) ? command().results.get(name) : super.getOutput(name);
	}

	@Override
	public void setOutput(final String name, final Object value) {
		if (derives(name)) command().results.put(name, value);
		else super.setOutput(name, value);
	}

	@Override
	public void run() {
		final Map<String, Object> given = new LinkedHashMap<>();
		inputs().forEach((name, value) -> {
			if (isInputResolved(name)) given.put(name, value);
		});
		command().values = given;
		super.run();
	}

	private boolean derives(final String name) {
		return ((OperationCommandInfo) getInfo()).derives(name);
	}

	private Map<String, Object> inputs() {
		if (inputs == null) inputs = new HashMap<>();
		return inputs;
	}

	private OperationCommand command() {
		return (OperationCommand) getCommand();
	}
}
