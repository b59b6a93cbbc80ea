package sc.fiji.autoencoders.bench;

import java.io.File;

import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ReceptiveField;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.ReceptiveFields;
import sc.fiji.autoencoders.predict.TileBudget;

/**
 * Measures the effective receptive field of a denoiser written before training measured it (as training now does at
 * its end) and writes the model with it to OUT, so that benchmarks can use models trained earlier.
 * Usage: MeasureReceptiveField MODEL OUT [TOLERANCE]
 */
public final class MeasureReceptiveField {
	public static void main(final String[] a) throws Exception {
		final AutoencoderModel m = ModelFile.load(new File(a[0]), AutoencoderModel.DENOISER);
		final double tol = a.length > 2 ? Double.parseDouble(a[2]) : ReceptiveField.DEFAULT_TOLERANCE;
		final long t0 = System.nanoTime();
		m.receptiveField = ReceptiveFields.measure(m, tol, TileBudget.maxVoxels(m.networkSpec()), 0);
		System.out.printf("%s: bound %d (XY), %d (Z); effective %s; measured in %.1f s%n", m.networkSpec(), Denoiser
			.receptiveRadius(m.networkSpec()), m.networkSpec().dims() == 3 ? Denoiser.receptiveRadiusZ(m.networkSpec()) : 0,
			m.receptiveField, (System.nanoTime() - t0) / 1e9);
		ModelFile.save(m, new File(a[1]));
	}
}
