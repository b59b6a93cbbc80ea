package sc.fiji.autoencoders.io.bioimageio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import sc.fiji.autoencoders.model.Architecture;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Pooling;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingMode;

/** The papers of the methods a denoiser was trained with, as bioimage.io {@code cite} entries (text and DOI). */
final class Citations {

	static final String UNET = "Ronneberger, O., Fischer, P. and Brox, T. (2015). U-Net: Convolutional networks for " +
		"biomedical image segmentation. MICCAI 2015, pp. 234-241.";
	static final String N2V = "Krull, A., Buchholz, T.-O. and Jug, F. (2019). Noise2Void - learning denoising from " +
		"single noisy images. CVPR 2019, pp. 2129-2137.";
	static final String N2V2 = "Hoeck, E., Buchholz, T.-O., Brachmann, A., Jug, F. and Freytag, A. (2022). N2V2 - " +
		"fixing Noise2Void checkerboard artifacts with modified sampling strategies and a tweaked network " +
		"architecture. ECCV 2022 Workshops, pp. 503-518.";
	static final String STRUCT_N2V = "Broaddus, C., Krull, A., Weigert, M., Schmidt, U. and Myers, G. (2020). " +
		"Removing structured noise with self-supervised blind-spot networks. ISBI 2020, pp. 159-163.";
	static final String CARE = "Weigert, M. et al. (2018). Content-aware image restoration: pushing the limits of " +
		"fluorescence microscopy. Nature Methods 15, 1090-1097.";
	static final String NOISE2NOISE = "Lehtinen, J. et al. (2018). Noise2Noise: learning image restoration without " +
		"clean data. ICML 2018, PMLR 80, pp. 2965-2974.";
	static final String DNCNN = "Zhang, K., Zuo, W., Chen, Y., Meng, D. and Zhang, L. (2017). Beyond a Gaussian " +
		"denoiser: residual learning of deep CNN for image denoising. IEEE Transactions on Image Processing 26(7), " +
		"3142-3155.";

	private Citations() {}

	/** The entries for this model: its architecture, then its training method. */
	static List<Map<String, Object>> of(final AutoencoderModel m) {
		final List<Map<String, Object>> out = new ArrayList<>();
		if (m.network.architecture() == Architecture.UNET) out.add(doi(UNET, "10.1007/978-3-319-24574-4_28"));
		if (m.mode == TrainingMode.NOISY) {
			out.add(doi(N2V, "10.1109/CVPR.2019.00223"));
			// N2V2 is blur pooling and no top skip (NetworkSpec#n2v2) with a replacement that never is the pixel itself
			if (m.network.pooling() == Pooling.BLUR || m.masking != null && m.masking.excludeCentre()) out.add(doi(N2V2,
				"10.1007/978-3-031-25069-9_33"));
			if (m.masking != null && m.masking.struct() != StructMask.NONE) out.add(doi(STRUCT_N2V,
				"10.1109/ISBI45749.2020.9098336"));
		}
		else if (m.mode == TrainingMode.PAIRS) {
			// the model file does not say whether the targets were clean (CARE) or noisy (Noise2Noise): the same training
			out.add(doi(CARE, "10.1038/s41592-018-0216-7"));
			out.add(url(NOISE2NOISE, "https://proceedings.mlr.press/v80/lehtinen18a.html"));
		}
		else if (m.network.residual()) out.add(doi(DNCNN, "10.1109/TIP.2017.2662206"));
		return out;
	}

	private static Map<String, Object> doi(final String text, final String doi) {
		final Map<String, Object> e = new LinkedHashMap<>();
		e.put("text", text);
		e.put("doi", doi);
		return e;
	}

	private static Map<String, Object> url(final String text, final String url) {
		final Map<String, Object> e = new LinkedHashMap<>();
		e.put("text", text);
		e.put("url", url);
		return e;
	}
}
