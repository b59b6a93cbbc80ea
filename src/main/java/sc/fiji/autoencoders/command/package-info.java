/**
 * SciJava commands: each is one line naming its {@link sc.fiji.autoencoders.op.Operation}, whose settings become its
 * inputs ({@link sc.fiji.autoencoders.command.OperationCommand}). They run from scripts, {@code CommandService} and
 * headless Fiji under the names they have had since the first version. Their menu entries come from
 * {@code plugins.config} (ImageJ 1's {@code ij1.OperationPlugIn}, which records clean macros), so that every command
 * appears exactly once in Fiji and in plain ImageJ; the commands themselves are therefore marked
 * {@code visible = false}.
 */
package sc.fiji.autoencoders.command;
