package sc.fiji.autoencoders.cli;

import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import org.scijava.plugin.PluginInfo;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;

/**
 * One {@link Operation} as a subcommand: its name is the plug-in's name, its options are the settings' fields
 * ({@code maxFilters} is {@code --max-filters}, with the declared aliases), their defaults the fields' initial values,
 * and images are paths (files, folders, IDX files, opened by {@link ImageFiles#openAll}). The result goes to
 * {@link Results}. Nothing here is specific to one operation.
 */
final class OperationCommand implements Callable<Integer> {

	private final PluginInfo<Operation<?, ?>> info;
	private CommandSpec spec;

	private OperationCommand(final PluginInfo<Operation<?, ?>> info) {
		this.info = info;
	}

	/** The subcommand of {@code info}'s operation. */
	static CommandLine of(final PluginInfo<Operation<?, ?>> info) {
		final OperationCommand command = new OperationCommand(info);
		final CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
		spec.name(info.getName()).mixinStandardHelpOptions(true);
		spec.usageMessage().description(info.getDescription());
		final Operation<?, ?> op = Operations.create(info);
		final Object defaults = Settings.defaults(op.settingsType());
		final List<OptionSpec> advanced = new ArrayList<>();
		for (final Field f : Settings.fields(op.settingsType())) {
			final OptionSpec o = option(op.settingsType(), f, Settings.get(f, defaults));
			if (Settings.setting(f).advanced()) advanced.add(o);
			else spec.addOption(o);
		}
		advanced.forEach(spec::addOption);
		command.spec = spec;
		return new CommandLine(spec);
	}

	private static OptionSpec option(final Class<?> type, final Field f, final Object value) {
		final Setting s = Settings.setting(f);
		final Class<?> t = f.getType();
		final OptionSpec.Builder b = OptionSpec.builder(Settings.options(type, f)).required(s.required() && !Settings
			.isImages(f));
		final StringBuilder help = new StringBuilder(s.label());
		if (!s.unit().isEmpty()) help.append(" (").append(s.unit()).append(')');
		final String text = Settings.help(f);
		help.append(text.isEmpty() ? "." : ": " + text);
		if (t == List.class) b.type(List.class).auxiliaryTypes(File.class).arity("1..*").paramLabel("PATH");
		else if (t == ImagePlus.class) b.type(File.class).paramLabel("PATH");
		else if (t == boolean.class) b.type(boolean.class).arity("0").defaultValue(String.valueOf(value));
		else {
			b.type(t == File.class ? File.class : t).paramLabel(Settings.choices(f).length > 0 ? String.join("|", Settings.choices(f))
				: Settings.key(f).toUpperCase());
			if (value != null) {
				b.defaultValue(String.valueOf(value));
				help.append(" Default: ").append(value.toString().isEmpty() ? "none" : "${DEFAULT-VALUE}").append('.');
			}
		}
		return b.description(help.toString()).build();
	}

	@Override
	public Integer call() {
		final Operation<?, ?> op = Operations.create(info);
		return run(op);
	}

	private <S, R> int run(final Operation<S, R> op) {
		final S settings = Settings.defaults(op.settingsType());
		for (final Field f : Settings.fields(op.settingsType())) {
			final OptionSpec o = spec.findOption(Settings.option(f));
			final Object v = o.getValue();
			if (v == null) continue;
			if (f.getType() == List.class && Settings.isImages(f)) {
				@SuppressWarnings("unchecked")
				final List<File> files = (List<File>) v;
				Settings.set(f, settings, ImageFiles.openAll(files));
			}
			else if (f.getType() == ImagePlus.class) Settings.set(f, settings, ImageFiles.openAll(List.of((File) v))
				.get(0));
			else Settings.set(f, settings, v);
		}
		op.check(settings);
		final ConsoleTask task = new ConsoleTask();
		final R result = Interruptible.run(() -> op.run(settings, task), task::cancel, Settings.writtenFile(settings),
			AutoencoderModel.class.isAssignableFrom(Operations.resultType(op)));
		Results.present(result, settings);
		return Main.OK;
	}
}
