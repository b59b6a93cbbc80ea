package sc.fiji.autoencoders.io;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.model.NetworkSpec;

/** How a {@link NetworkSpec} (U-Net or plain autoencoder) is stored: the {@code network} field of spec.json. */
@Plugin(type = DenoiserSpecJson.class, priority = 100)
public final class NetworkSpecJson implements DenoiserSpecJson<NetworkSpec> {

	@Override
	public String field() {
		return "network";
	}

	/** Every file since the first has it right after the model's kind. */
	@Override
	public String after() {
		return "kind";
	}

	@Override
	public Class<NetworkSpec> type() {
		return NetworkSpec.class;
	}

	@Override
	public Codec<NetworkSpec> codec() {
		return ModelJson.NETWORK.object();
	}
}
