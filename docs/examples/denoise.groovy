#@ File clean
#@ File noisy
#@ File model
#@ File output
// Train a denoiser on a clean image, denoise a noisy one, save the result: the whole plugin from a Fiji script.
// Run it from Fiji's Script Editor (language Groovy); the #@ lines ask for the four files.
import ij.IJ
import sc.fiji.autoencoders.FijiAutoencoders as AE
import sc.fiji.autoencoders.io.AxisImages

println AE.trainDenoiser(IJ.openImage(clean.path), model, [noise: "gaussian:25", minutes: 1, epochs: 2,
		patch_size: 32, depth: 2, filters: 8])
def denoised = AE.denoise(IJ.openImage(noisy.path), model, [tile_size: 512])
IJ.saveAsTiff(denoised, output.path)
println "denoised ${denoised.width}x${denoised.height} into ${output}"

// The same on an ImgLib2 image with its axes (AxisImages.wrap shares the ImagePlus's pixels, no copy):
def result = AE.denoise(AxisImages.wrap(IJ.openImage(noisy.path)), model, [tile_size: 512])
println "ImgLib2 result with axes ${result.axes()}"
IJ.saveAsTiff(AxisImages.toImagePlus("denoised-imglib2", result), output.path.replace(".tif", "-imglib2.tif"))
