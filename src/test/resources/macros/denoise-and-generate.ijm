// What a user's batch macro does: train a denoiser on a clean stack, denoise a noisy image, train a VAE, generate samples.
// Argument: "<test-images folder>,<output folder>" (both ending in a separator). Lines as the macro recorder writes them.
args = split(getArgument(), ",");
images = args[0];
out = args[1];
setBatchMode(true);
open(images + "denoise-train.tif");
run("Train Denoising Autoencoder...", "image=denoise-train.tif channel=0 noise=gaussian:25 model_file=[" + out + "denoiser.aemodel] minutes=0 epochs=4 patch_size=32 batch_size=8 depth=2 filters=8 architecture=unet seed=1 resume_from=");
open(images + "denoise-test.png");
rename("clean");
run("Duplicate...", "title=noisy");
run("32-bit");
run("Add Specified Noise...", "standard=25");
run("Denoise with Autoencoder...", "image=noisy model_file=[" + out + "denoiser.aemodel] channel_models= tile_size=96");
open(images + "fashion-mnist-2000.tif");
run("Train Variational Autoencoder...", "image=fashion-mnist-2000.tif model_file=[" + out + "vae.aemodel] latent=8 beta=1 kl_warmup=0 likelihood=bernoulli depth=2 filters=16 epochs=2 minutes=0 batch_size=64 seed=1 resume_from=");
run("Generate from VAE...", "model_file=[" + out + "vae.aemodel] count=9 seed=1 temperature=1");
setBatchMode("exit and display"); // keep the images open for whoever runs this macro (and for the test)
