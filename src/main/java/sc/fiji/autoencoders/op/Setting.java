package sc.fiji.autoencoders.op;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one declaration of an option: a public field of a settings class, whose initial value is the default, carries
 * everything every front end shows of it. The CLI option ({@code --max-filters}), the SciJava input and the ImageJ 1
 * dialog field and macro key ({@code max_filters}) are derived from the field's name by {@link Settings}; the README's
 * option tables are checked against these declarations by a test. Adding an option is adding one annotated field.
 * <p>
 * Fields of type {@code ImagePlus} or {@code List<ImagePlus>} are the operation's images (a path or paths on the command
 * line, an open image in Fiji, an {@code ImagePlus} in scripts); {@code File} fields are files the operation reads, or
 * writes when {@link #writes()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Setting {

	/** The dialog's label, in the words of the task ("Time budget", "Model file to write"). */
	String label();

	/** What the option does and how to choose it: the CLI's --help, the dialog's help, the README's table. */
	String help() default "";

	/** The values a text option accepts (compile-time constants of the model's enums), in the order shown. */
	String[] choices() default {};

	/**
	 * Values that are plug-ins, offered before {@link #choices()} and explained in the help before {@link #help()}
	 * ({@link Settings#choices}, {@link Settings#help}); {@code ChoiceSource.class} itself: none.
	 */
	Class<? extends ChoiceSource> choicesFrom() default ChoiceSource.class;

	/** The unit of a number ("minutes", "pixels", "%"), shown after the label and in the help. */
	String unit() default "";

	/** Smallest and largest accepted number, as text (empty: none); dialogs and SciJava enforce them. */
	String min() default "";

	String max() default "";

	/** Behind the dialog's "Advanced..." step (recorded into macros all the same); the CLI lists it after the others. */
	boolean advanced() default false;

	/** Earlier names that keep working: CLI options without their dashes ("patch") and macro keys ("patch_depth"). */
	String[] aliases() default {};

	/** A value the front ends must not remember between runs (it depends on the image, or scripts rely on the default). */
	boolean transientValue() default false;

	/** A file or folder the operation writes (a save dialog), rather than one it reads. */
	boolean writes() default false;

	/** The operation cannot run without it (images, model files); the others have their default. */
	boolean required() default false;

	/**
	 * The variants of the operation that show this option (e.g. {@code "noisy"}: only when training from noisy images);
	 * empty: every variant. See {@link Operation#variants()}.
	 */
	String[] only() default {};

	/** Only on the command line: files and folders of batch runs, which Fiji's commands take as open images instead. */
	boolean commandLineOnly() default false;
}
