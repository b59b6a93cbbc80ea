package sc.fiji.autoencoders.command;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.Map;

import org.scijava.command.CommandModuleItem;
import org.scijava.module.ModuleInfo;
import org.scijava.plugin.Parameter;

/**
 * An input or output of an {@link OperationCommand} that is not a field of the command but derived from a setting or
 * the result: its metadata are given as the {@link Parameter} a field would carry. SciJava's {@code CommandInfo}
 * hands out only {@link CommandModuleItem}s, hence the subclass.
 */
final class DerivedItem extends CommandModuleItem<Object> {

	private final String name;
	private final Class<?> type;
	private final Parameter parameter;
	private final Object defaultValue;

	/**
	 * @param setting the setting it comes from, or null (an output)
	 * @param parameter the metadata by {@link Parameter}'s method names ({@code label}, {@code type}, ...); the others
	 *          keep Parameter's defaults
	 */
	DerivedItem(final ModuleInfo info, final Field setting, final String name, final Class<?> type,
		final Map<String, Object> parameter, final Object defaultValue)
	{
		super(info, setting);
		this.name = name;
		this.type = type;
		this.parameter = (Parameter) Proxy.newProxyInstance(Parameter.class.getClassLoader(), new Class<?>[] {
			Parameter.class }, (proxy, m, args) -> m.getName().equals("annotationType") ? Parameter.class : m
				.getDeclaringClass() == Parameter.class ? parameter.getOrDefault(m.getName(), m.getDefaultValue()) : m.invoke(
					parameter, args));
		this.defaultValue = defaultValue;
	}

	@Override
	public Parameter getParameter() {
		return parameter;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Class<Object> getType() {
		return (Class<Object>) type;
	}

	@Override
	public Type getGenericType() {
		return type;
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public Object getDefaultValue() {
		return defaultValue;
	}
}
