package sc.fiji.autoencoders.io;

import org.scijava.plugin.SciJavaPlugin;

import sc.fiji.autoencoders.io.JsonTable.At;
import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserSpec;

/**
 * How one family of denoiser networks is stored in a model file's spec.json: one field of its own holding the
 * {@link DenoiserSpec}. A SciJava plug-in ({@code @Plugin(type = DenoiserSpecJson.class)}) that {@link ModelJson} adds
 * to its table, so that a new family is stored without editing the reader; package-private because a codec builds on
 * this package's {@link JsonTable}, so a family's codec lives here.
 * <p>
 * Contract: {@link #field()} and what its codec writes never change once files hold them (files written by earlier
 * versions must keep loading); reading is as strict as every table (unknown fields, values out of range: damaged).
 * At most one family's field may be present in a file: the reader refuses two.
 *
 * @param <S> the spec class of the family
 */
interface DenoiserSpecJson<S extends DenoiserSpec> extends SciJavaPlugin {

	/** The spec.json field that holds the network, e.g. {@code network} (the U-Net's) or {@code divNoising}. */
	String field();

	/**
	 * The spec.json field this one is written right after: where the version that added the family wrote it, so that
	 * files stay byte for byte as they were.
	 */
	String after();

	/** The class of the specs stored (matched by {@code isInstance}). */
	Class<S> type();

	/** Reads and writes the field's value. */
	Codec<S> codec();

	/**
	 * Refuses what a model of this family may not have besides its field (e.g. fields that only another family
	 * writes), as a damaged file; called once the model's other fields are read, before its arrays.
	 */
	default void check(final AutoencoderModel m, final At at) {}
}
