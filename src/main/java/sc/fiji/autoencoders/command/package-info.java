/**
 * SciJava commands: parameters and one call into {@link sc.fiji.autoencoders.op.Autoencoders}. They run from scripts,
 * {@code CommandService} and headless Fiji. Their menu entries come from {@code plugins.config} (the ImageJ 1 twins in
 * {@code ij1}, which call the same core and record clean macros), so that every command appears exactly once in Fiji
 * and in plain ImageJ; the commands themselves are therefore marked {@code visible = false}.
 */
package sc.fiji.autoencoders.command;
