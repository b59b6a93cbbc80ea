package sc.fiji.autoencoders.op.demo;

import java.io.File;

import sc.fiji.autoencoders.op.Setting;

/** Settings of the demo: where its images are and where results go, and its time budgets. */
public final class DemoSettings {

	/** Null: test-images/ of the installation (the system property {@code fiji.ae.home}, else the working folder). */
	@Setting(label = "Demo images folder", help = "Folder with denoise-train.tif and denoise-test.png (default: " +
		"test-images/ of the installation).")
	public File images;
	@Setting(label = "Output folder", writes = true, help = "Where to write the models and pictures.")
	public File output = new File("demo-output");
	@Setting(label = "Denoiser time budget", unit = "minutes", min = "0")
	public double minutes = 2;
	@Setting(label = "Random seed", help = "The same seed gives the same noise, samples and training order.")
	public long seed = 42;
	// after minutes: a key ending in _minutes before it would be read as minutes= in a recorded macro
	@Setting(label = "VAE time budget", unit = "minutes", min = "0")
	public double vaeMinutes = 0.75;
	@Setting(label = "Most VAE epochs", min = "1", help = "The time budget usually ends training first.")
	public int vaeEpochs = 15;
	/** Null: ../shared/data/fashion-mnist beside the installation, then the Debian package's folder, then test-images/. */
	@Setting(label = "Fashion-MNIST folder", help = "Folder with Fashion-MNIST's train-images-idx3-ubyte(.gz) for the " +
		"VAE (default: ../shared/data/fashion-mnist beside the installation, then /usr/share/datasets/fashion-mnist " +
		"of the Debian package dataset-fashion-mnist; without either, the 2,000 images in test-images/).")
	public File fashionMnist;
	@Setting(label = "Skip the VAE part")
	public boolean noVae;
}
