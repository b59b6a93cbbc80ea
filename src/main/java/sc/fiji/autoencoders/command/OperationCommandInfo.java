package sc.fiji.autoencoders.command;

import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModuleItem;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginInfo;
import org.scijava.widget.FileWidget;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Variant;

/**
 * The SciJava command of an {@link Operation}, without a class of its own: named {@code sc.fiji.autoencoders.command.}
 * plus the operation's {@code command} attribute (the names scripts have used since the first version; new operations:
 * their name in CamelCase, e.g. {@code NoiseModel}), its module an {@link OperationCommand} for that operation. After
 * the command's own parameters (its services) come the operation's settings as inputs, named by their macro keys, with
 * the declared labels, help, choices, limits and defaults, earlier names as hidden aliases; then the result's outputs
 * (the {@code output} attribute names the main one, "result" by default). {@code OperationCommand} being a plain
 * {@link Command}, not a module, {@code CommandService.run(...)} returns a future of the module, as for every command
 * of earlier versions.
 */
final class OperationCommandInfo extends CommandInfo {

	private final String operation, variant, output;
	private Map<String, DerivedItem> inputs, outputs;

	OperationCommandInfo(final PluginInfo<Operation<?, ?>> op) {
		super(OperationCommand.class.getPackage().getName() + "." + attribute(op, "command", camelCase(op.getName())),
			(Plugin) null);
		operation = op.getName();
		variant = op.get("variant");
		output = attribute(op, "output", "result");
		setLabel(op.getLabel());
		setDescription(op.getDescription());
		// as the command classes of 0.1 were: the menu entries (and Fiji's search bar) are ImageJ 1's, once each
		setVisible(false);
	}

	@Override
	public Class<? extends Command> loadClass() {
		return OperationCommand.class;
	}

	@Override
	public Command createInstance() {
		final OperationCommand command = new OperationCommand();
		command.operation = operation;
		command.variant = variant;
		command.output = output;
		return command;
	}

	@Override
	public Iterable<ModuleItem<?>> inputs() {
		return join(super.inputs(), derived().inputs);
	}

	@Override
	public Iterable<ModuleItem<?>> outputs() {
		return join(super.outputs(), derived().outputs);
	}

	@Override
	public CommandModuleItem<?> getInput(final String name) {
		final CommandModuleItem<?> own = super.getInput(name);
		return own != null ? own : derived().inputs.get(name);
	}

	@Override
	public CommandModuleItem<?> getOutput(final String name) {
		final CommandModuleItem<?> own = super.getOutput(name);
		return own != null ? own : derived().outputs.get(name);
	}

	@Override
	public Module createModule() throws ModuleException {
		return new OperationModule(this);
	}

	@Override
	public Module createModule(final Command command) {
		return new OperationModule(this, command);
	}

	/** True if {@code name} is a setting or a result rather than a parameter of the command class. */
	boolean derives(final String name) {
		return derived().inputs.containsKey(name) || outputs.containsKey(name);
	}

	// -- Helper methods --

	private synchronized OperationCommandInfo derived() {
		if (inputs != null) return this;
		outputs = new LinkedHashMap<>();
		for (final Map.Entry<String, Class<?>> e : ((OperationCommand) createInstance()).outputs().entrySet())
			outputs.put(e.getKey(), new DerivedItem(this, null, e.getKey(), e.getValue(), Map.of("type", ItemIO.OUTPUT),
				null));
		inputs = new LinkedHashMap<>();
		declare(Operations.get(operation));
		return this;
	}

	private <S> void declare(final Operation<S, ?> op) {
		final Variant<S> v = Variant.of(op, variant);
		final S defaults = Settings.defaults(op.settingsType());
		if (v != null) v.apply(defaults);
		final List<Field> shown = Variant.shown(op, v);
		for (final Field f : shown)
			inputs.put(Settings.key(f), item(f, Settings.key(f), Settings.get(f, defaults), ItemVisibility.NORMAL));
		// earlier names, for scripts written before: hidden, and read only where the name is not given
		for (final Field f : shown)
			for (final String alias : Settings.setting(f).aliases())
				inputs.putIfAbsent(alias, item(f, alias, Settings.get(f, defaults), ItemVisibility.INVISIBLE));
	}

	private DerivedItem item(final Field f, final String name, final Object value, final ItemVisibility visibility) {
		final Setting s = Settings.setting(f);
		final Class<?> t = Settings.isImages(f) ? ImagePlus.class : f.getType() == List.class ? File.class : f.getType();
		final Map<String, Object> p = new LinkedHashMap<>();
		p.put("label", s.label() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")"));
		p.put("description", Settings.help(f));
		p.put("visibility", visibility);
		// with earlier names, a script may give the value under one of them: the core names a missing one
		p.put("required", s.required() && s.aliases().length == 0 && visibility == ItemVisibility.NORMAL);
		p.put("persist", !s.transientValue() && visibility == ItemVisibility.NORMAL);
		p.put("style", s.writes() ? FileWidget.SAVE_STYLE : "");
		p.put("choices", Settings.choices(f));
		p.put("min", s.min());
		p.put("max", s.max());
		return new DerivedItem(this, f, name, t, p, t == f.getType() ? value : null);
	}

	private static String attribute(final PluginInfo<?> op, final String key, final String absent) {
		return op.get(key) != null ? op.get(key) : absent;
	}

	private static String camelCase(final String name) {
		final StringBuilder sb = new StringBuilder();
		for (final String part : name.split("-"))
			sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		return sb.toString();
	}

	private static Iterable<ModuleItem<?>> join(final Iterable<ModuleItem<?>> own, final Map<String, DerivedItem> more) {
		final List<ModuleItem<?>> all = new ArrayList<>();
		own.forEach(all::add);
		all.addAll(more.values());
		return all;
	}
}
