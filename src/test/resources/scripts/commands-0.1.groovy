#@ CommandService command
#@ File noisy
#@ File model
#@ File output
// A script as docs/BATCH.md of version 0.1 wrote it (there in Jython): the SciJava commands by class name through
// CommandService.run(...).get(), their inputs by their names of then, the results as the module's outputs.
import ij.IJ
imp = IJ.openImage(noisy.path)
t = command.run("sc.fiji.autoencoders.command.TrainDenoisingAutoencoder", true,
                "image", imp, "noise", "gaussian:20", "model_file", model,
                "minutes", 0, "epochs", 1, "patch_size", 32, "depth", 2, "filters", 8).get()
println(t.getOutput("summary"))
m = command.run("sc.fiji.autoencoders.command.DenoiseWithAutoencoder", true,
                "image", imp, "model_file", model,
                "channel_models", "", "tile_size", 1024).get()
println("denoised " + m.getOutput("denoised").getTitle())
IJ.saveAsTiff(m.getOutput("denoised"), output.path)
