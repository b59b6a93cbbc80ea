package sc.fiji.autoencoders.predict;

import java.util.List;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserSpec;
import sc.fiji.autoencoders.model.DivNoisingSpec;

/**
 * DivNoising's predictor: a tile's denoised image is the MMSE of {@link DivNoisingSpec#DEFAULT_SAMPLES} posterior
 * samples ({@link DivNoisingDenoiser}, seeded by the model's seed and the tile's pixels); {@code generate} decodes
 * samples of its prior.
 */
@Plugin(type = DenoiserPredictor.class, priority = 90)
public final class DivNoisingPredictor implements DenoiserPredictor {

	@Override
	public Class<? extends DenoiserSpec> type() {
		return DivNoisingSpec.class;
	}

	@Override
	public TileNetwork open(final AutoencoderModel model, final int tileSize, final int threads) {
		final DivNoisingDenoiser sampler = new DivNoisingDenoiser(model, tileSize, threads);
		final TiledPredictor tiler = DivNoisingDenoiser.tiler(model.divNoising(), tileSize, 0);
		return new TileNetwork() {

			@Override
			public TiledPredictor tiler() {
				return tiler;
			}

			@Override
			public float[] apply(final float[] tile, final long[] dims) {
				return sampler.mmse(tile, dims, DivNoisingSpec.DEFAULT_SAMPLES, model.seed);
			}

			@Override
			public void close() {
				sampler.close();
			}
		};
	}

	@Override
	public List<Plane> generate(final AutoencoderModel model, final int count, final int width, final int height,
		final long seed, final double temperature)
	{
		return DivNoisingDenoiser.generate(model, count, width, height, seed, temperature);
	}
}
