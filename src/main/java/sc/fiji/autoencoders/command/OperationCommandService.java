package sc.fiji.autoencoders.command;

import org.scijava.command.CommandService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;

/**
 * Registers one SciJava command per {@link Operation} ({@link OperationCommandInfo}) when the context starts, so that
 * scripts and {@code CommandService} run every operation by a class name, including those added later, with no command
 * class written. Every Fiji context has it; a context made of chosen services needs it among them.
 */
@Plugin(type = Service.class)
public class OperationCommandService extends AbstractService {

	@Parameter
	private PluginService plugins;

	/** Made first, so that it hears of the new commands. */
	@Parameter
	private CommandService commands;

	@Override
	public void initialize() {
		for (final PluginInfo<Operation<?, ?>> op : Operations.all())
			plugins.addPlugin(new OperationCommandInfo(op));
	}
}
