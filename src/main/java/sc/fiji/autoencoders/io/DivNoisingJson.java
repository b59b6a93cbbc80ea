package sc.fiji.autoencoders.io;

import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.io.JsonTable.Field;
import sc.fiji.autoencoders.model.DivNoisingSpec;

/** How a {@link DivNoisingSpec} is stored: the {@code divNoising} field of a DivNoising model's spec.json. */
final class DivNoisingJson {

	private DivNoisingJson() {}

	static final Codec<DivNoisingSpec> SPEC;
	static {
		final JsonTable<DivNoisingSpec> t = new JsonTable<>("DivNoising networks");
		final Field<DivNoisingSpec, Integer> filters = t.required("filters", JsonTable.integer(1, 512),
			DivNoisingSpec::filters);
		final Field<DivNoisingSpec, Integer> latent = t.required("latent", JsonTable.integer(1, 512),
			DivNoisingSpec::latent);
		final Field<DivNoisingSpec, Double> spreadScale = t.required("spreadScale", JsonTable.FINITE_DOUBLE,
			DivNoisingSpec::spreadScale);
		// added with the calibration against a ground truth: written only when fitted (files before have none: 1)
		final Field<DivNoisingSpec, Double> spreadPower = t.optional("spreadPower", JsonTable.FINITE_DOUBLE, s -> s
			.spreadPower() == 1 ? null : s.spreadPower(), 1.0);
		SPEC = t.make(v -> JsonTable.valid(v.at, "DivNoising network", () -> new DivNoisingSpec(v.get(filters), v.get(
			latent), v.get(spreadScale), v.get(spreadPower)).validate())).object();
	}
}
