package sc.fiji.autoencoders.io.bioimageio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import sc.fiji.autoencoders.model.Architecture;
import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * The papers of the network and the method a denoiser was trained with, as bioimage.io {@code cite} entries (text and
 * DOI or URL).
 */
final class Citations {

	static final String UNET = "Ronneberger, O., Fischer, P. and Brox, T. (2015). U-Net: Convolutional networks for " +
		"biomedical image segmentation. MICCAI 2015, pp. 234-241.";
	private Citations() {}

	/** The entries for this model: its architecture, then its training method's papers. */
	static List<Map<String, Object>> of(final AutoencoderModel m) {
		final List<Map<String, Object>> out = new ArrayList<>();
		if (m.networkSpec().architecture() == Architecture.UNET) out.add(doi(UNET, "10.1007/978-3-319-24574-4_28"));
		m.trainingMethod().citations(m).forEach(c -> out.add(c.toMap()));
		return out;
	}

	private static Map<String, Object> doi(final String text, final String doi) {
		final Map<String, Object> e = new LinkedHashMap<>();
		e.put("text", text);
		e.put("doi", doi);
		return e;
	}

}
