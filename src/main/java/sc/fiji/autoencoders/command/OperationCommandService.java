package sc.fiji.autoencoders.command;

import java.util.ArrayList;

import org.scijava.InstantiableException;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * Puts an {@link OperationCommandInfo} in place of the plain metadata SciJava makes from the plug-in index for each
 * {@link OperationCommand}, when the context starts, so that the commands' inputs are the operations' settings. Every
 * Fiji context has it; a context made of chosen services needs it among them.
 */
@Plugin(type = Service.class)
public class OperationCommandService extends AbstractService {

	@Parameter
	private PluginService plugins;

	/** Made first, so that it hears of the swap. */
	@Parameter
	private CommandService commands;

	@Override
	public void initialize() {
		for (final PluginInfo<Command> p : new ArrayList<>(plugins.getPluginsOfType(Command.class)))
			if (!(p instanceof OperationCommandInfo) && isOperationCommand(p)) {
				plugins.removePlugin(p);
				plugins.addPlugin(new OperationCommandInfo(p));
			}
	}

	private static boolean isOperationCommand(final PluginInfo<Command> p) {
		if (!p.getClassName().startsWith(OperationCommand.class.getPackage().getName() + ".")) return false;
		try {
			return OperationCommand.class.isAssignableFrom(p.loadClass());
		}
		catch (final InstantiableException e) {
			return false;
		}
	}
}
