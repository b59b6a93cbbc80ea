/**
 * SciJava commands: one per {@link sc.fiji.autoencoders.op.Operation}, registered by
 * {@link sc.fiji.autoencoders.command.OperationCommandService} without a class of its own, whose settings become its
 * inputs. They run from scripts, {@code CommandService} and headless Fiji under the names they have had since the
 * first version. They have no menu path: the menu entries come from {@code plugins.config} (ImageJ 1's
 * {@code ij1.OperationPlugIn}, which records clean macros), so that every command appears exactly once in Fiji and in
 * plain ImageJ.
 */
package sc.fiji.autoencoders.command;
