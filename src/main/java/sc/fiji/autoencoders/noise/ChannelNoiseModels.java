package sc.fiji.autoencoders.noise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The noise model of each channel of an acquisition, in channel order, with the noise measured on the data it was
 * fitted on (null for a model given by a spec). This is what a noise model file ({@code .aenoise}) and a model file
 * store.
 */
public final class ChannelNoiseModels {

	/** One channel's model and, if it was fitted on data, the measured curve. */
	public static final class Channel {

		public final LikelihoodModel model;
		/** Null for a model given by a spec. */
		public final NoiseCurve measured;

		public Channel(final LikelihoodModel model, final NoiseCurve measured) {
			if (model == null) throw new IllegalArgumentException("no model");
			this.model = model;
			this.measured = measured;
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof Channel && model.equals(((Channel) o).model) && java.util.Objects.equals(measured,
				((Channel) o).measured);
		}

		@Override
		public int hashCode() {
			return model.hashCode();
		}
	}

	/** At most this many channels (a noise model per channel of an ImageJ hyperstack). */
	public static final int MAX_CHANNELS = 64;

	private final List<Channel> channels;

	public ChannelNoiseModels(final List<Channel> channels) {
		if (channels.isEmpty() || channels.size() > MAX_CHANNELS) throw new BadInputException("A noise model file " +
			"holds 1 to " + MAX_CHANNELS + " channels, not " + channels.size() + ".");
		this.channels = Collections.unmodifiableList(new ArrayList<>(channels));
	}

	/** One channel given by its model alone. */
	public static ChannelNoiseModels of(final LikelihoodModel model) {
		return new ChannelNoiseModels(List.of(new Channel(model, null)));
	}

	public List<Channel> channels() {
		return channels;
	}

	public int size() {
		return channels.size();
	}

	/** Channel {@code c}, counted from 0: its model and the curve it was fitted to. */
	public Channel channel(final int c) {
		return channels.get(c);
	}

	/** The model of channel {@code c}, counted from 0. */
	public LikelihoodModel model(final int c) {
		return channels.get(c).model;
	}

	/** A few lines for {@code info}: one per channel. */
	public String describe() {
		final StringBuilder sb = new StringBuilder();
		for (int c = 0; c < channels.size(); c++) {
			if (channels.size() > 1) sb.append("Channel ").append(c + 1).append(": ");
			sb.append(channels.get(c).model.describe());
			if (channels.get(c).measured != null) sb.append("; measured in ").append(channels.get(c).measured.size())
				.append(" signal bins");
			sb.append('\n');
		}
		return sb.toString();
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof ChannelNoiseModels && channels.equals(((ChannelNoiseModels) o).channels);
	}

	@Override
	public int hashCode() {
		return channels.hashCode();
	}
}
