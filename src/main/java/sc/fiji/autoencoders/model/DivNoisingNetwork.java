package sc.fiji.autoencoders.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The fully convolutional VAE of DivNoising (Prakash, Krull, Jug, ICLR 2021): the encoder maps a noisy image (NHWC, one
 * channel, normalised, sides a multiple of 4) to the mean and log-variance of a spatial latent at 1/4 resolution; the
 * decoder maps a latent sample to the signal, in the same normalised units. The reconstruction term is the camera's
 * noise model, evaluated outside this class on the signal in image units.
 */
public final class DivNoisingNetwork {

	private final Ops tf;
	private final Layers layers;
	private final int filters, latent, convs;

	/** The network of {@code spec}: its filters, latent channels and convolutions per scale. */
	public DivNoisingNetwork(final Ops tf, final ParameterSource params, final DivNoisingSpec spec) {
		this.tf = tf;
		this.layers = new Layers(tf, params, 0.1f);
		this.filters = spec.filters();
		this.latent = spec.latent();
		this.convs = spec.convs();
	}

	/**
	 * h through the further convolutions of the scale whose first convolution is {@code name} (plain, as DivNoising's
	 * own network: residual ones, without normalisation, diverged within 200 steps on W2S).
	 */
	private Operand<TFloat32> more(final String name, Operand<TFloat32> h, final int c) {
		for (int i = 2; i <= convs; i++)
			h = layers.convAct(DivNoisingSpec.extraName(name, i), h, c, c);
		return h;
	}

	/** {mean, log-variance} of q(z|x), each [batch, H/4, W/4, latent]. */
	@SuppressWarnings("unchecked")
	public Operand<TFloat32>[] encode(final Operand<TFloat32> x) {
		Operand<TFloat32> h = more("dn_enc0", layers.convAct("dn_enc0", x, 1, filters), filters);
		h = more("dn_enc1", layers.leaky(layers.conv("dn_enc1", h, filters, 2 * filters, 3, 2, ParameterSource.Init.HE)),
			2 * filters);
		h = more("dn_enc2", layers.leaky(layers.conv("dn_enc2", h, 2 * filters, 2 * filters, 3, 2,
			ParameterSource.Init.HE)), 2 * filters);
		return new Operand[] { layers.conv("dn_mu", h, 2 * filters, latent, 1, 1, ParameterSource.Init.GLOROT), layers
			.conv("dn_logvar", h, 2 * filters, latent, 1, 1, ParameterSource.Init.GLOROT) };
	}

	/** The signal [batch, H, W, 1] for latent samples [batch, H/4, W/4, latent]. */
	public Operand<TFloat32> decode(final Operand<TFloat32> z) {
		Operand<TFloat32> h = more("dn_dec0", layers.convAct("dn_dec0", z, latent, 2 * filters), 2 * filters);
		h = more("dn_dec1", layers.convAct("dn_dec1", layers.upsample2(h, false), 2 * filters, filters), filters);
		h = more("dn_dec2", layers.convAct("dn_dec2", layers.upsample2(h, false), filters, filters), filters);
		return layers.conv("dn_out", h, filters, 1, 1, 1, ParameterSource.Init.GLOROT);
	}

	/** z = mu + exp(logvar / 2) * eps, eps fed from Java (seeded). */
	public Operand<TFloat32> sample(final Operand<TFloat32> mu, final Operand<TFloat32> logvar,
		final Operand<TFloat32> eps)
	{
		return tf.math.add(mu, tf.math.mul(tf.math.exp(tf.math.mul(tf.constant(0.5f), logvar)), eps));
	}

	/** KL(q(z|x) || N(0, I)) summed over all latent elements of the batch. */
	public Operand<TFloat32> kl(final Operand<TFloat32> mu, final Operand<TFloat32> logvar) {
		final Operand<TFloat32> t = tf.math.sub(tf.math.sub(tf.math.add(tf.constant(1f), logvar), tf.math.square(mu)), tf
			.math.exp(logvar));
		return tf.math.mul(tf.constant(-0.5f), tf.sum(t, tf.constant(new int[] { 0, 1, 2, 3 })));
	}
}
