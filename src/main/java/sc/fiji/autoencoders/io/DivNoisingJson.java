package sc.fiji.autoencoders.io;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.io.JsonTable.At;
import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.io.JsonTable.Field;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DivNoisingSpec;

/** How a {@link DivNoisingSpec} is stored: the {@code divNoising} field of a DivNoising model's spec.json. */
@Plugin(type = DenoiserSpecJson.class, priority = 90)
public final class DivNoisingJson implements DenoiserSpecJson<DivNoisingSpec> {

	private static final Codec<DivNoisingSpec> SPEC;
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
		// added with the deeper network (issue 27): written only when more than one (files before have none: 1)
		final Field<DivNoisingSpec, Integer> convs = t.optional("convs", JsonTable.integer(1, 8), s -> s.convs() == 1 ? null
			: s.convs(), 1);
		SPEC = t.make(v -> JsonTable.valid(v.at, "DivNoising network", () -> new DivNoisingSpec(v.get(filters), v.get(
			latent), v.get(convs), v.get(spreadScale), v.get(spreadPower)).validate())).object();
	}

	@Override
	public String field() {
		return "divNoising";
	}

	/** Added with DivNoising as a training method (issue 27), beside its noise model. */
	@Override
	public String after() {
		return "noiseModel";
	}

	@Override
	public Class<DivNoisingSpec> type() {
		return DivNoisingSpec.class;
	}

	@Override
	public Codec<DivNoisingSpec> codec() {
		return SPEC;
	}

	/** Its tiles' margins are the bound, and its one channel has the one normalization. */
	@Override
	public void check(final AutoencoderModel m, final At at) {
		if (m.channelNormalizations != null || m.receptiveField != null) throw at.damaged("spec.json describes a " +
			"DivNoising model but has a U-Net's channel normalizations or receptive field");
	}
}
