package sc.fiji.autoencoders.op;

import java.util.Collections;
import java.util.List;

import org.scijava.plugin.SciJavaPlugin;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * One user-facing operation (train a denoiser, denoise, generate, ...): its settings, a check of them, and the work,
 * without any user interface. Every front end finds operations through {@link Operations} and derives its whole
 * surface from them: the CLI subcommand and its options, the Fiji menu entry, dialog and macro keys, the SciJava
 * inputs and the scripting call. A new operation is one class annotated
 * {@code @Plugin(type = Operation.class, name = "cli-name", label = "Menu Label...", menuPath = "Plugins>Autoencoders>Group>Menu Label...", description = "...")}
 * plus its settings class; no front end is edited. Optional {@code attrs}: {@code command} and {@code output}, the
 * SciJava command's class name in package {@code command} and its result's name, which scripts of earlier versions
 * use (defaults: the name in CamelCase, {@code result}); {@code variant}, the variant whose settings that command takes.
 *
 * @param <S> the settings class: public {@link Setting} fields with their defaults, and a public no-argument
 *          constructor
 * @param <R> the result: an {@code ImagePlus}, a {@code ResultsTable}, a model, a text, or a type of this project
 *          that the front ends know how to show or write (see each front end's presenter)
 */
public interface Operation<S, R> extends SciJavaPlugin {

	/** The settings class; {@link Settings#defaults} makes its defaults. */
	Class<S> settingsType();

	/**
	 * Checks the settings before any work starts and returns a {@link BadInputException} naming the problem and the fix
	 * by throwing it. Cheap: no training, no prediction, no image read beyond what was given.
	 */
	default void check(final S settings) {}

	/**
	 * Does the work. Long runs report to {@code task} and stop soon after {@link Task#isCancelled()} turns true (a
	 * training stops and keeps its best model; a prediction returns nothing partial).
	 *
	 * @throws BadInputException for bad input found only while working (named with its fix)
	 */
	R run(S settings, Task task);

	/** What the result is called where it is shown (a window or table title); null: the operation's label. */
	default String resultName() {
		return null;
	}

	/**
	 * The forms in which the operation appears in menus: one entry each (e.g. training from clean images, from noisy
	 * images only, from pairs). Empty: the one form of the plugin's own label and menu path.
	 */
	default List<Variant<S>> variants() {
		return Collections.emptyList();
	}
}
