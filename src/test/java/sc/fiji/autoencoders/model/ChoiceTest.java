package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.train.Schedule;

/** The typed options: ids as stored and typed, parsing, and the messages that name the valid ids. */
public class ChoiceTest {

	/** The String constants that dialogs' choice lists need are the enums' ids. */
	@Test
	public void stringConstantsAreTheIds() {
		assertEquals(Architecture.UNET.id(), NetworkSpec.UNET);
		assertEquals(Architecture.PLAIN.id(), NetworkSpec.PLAIN);
		assertEquals(Upsampling.NEAREST.id(), NetworkSpec.NEAREST);
		assertEquals(Upsampling.BILINEAR.id(), NetworkSpec.BILINEAR);
		assertEquals(Likelihood.BERNOULLI.id(), VaeSpec.BERNOULLI);
		assertEquals(Likelihood.GAUSSIAN.id(), VaeSpec.GAUSSIAN);
		assertEquals(ModelKind.DENOISER.id(), AutoencoderModel.DENOISER);
		assertEquals(ModelKind.VAE.id(), AutoencoderModel.VAE);
	}

	@Test
	public void idsAreLowerCaseNamesAndPrintAsSuch() {
		assertEquals("unet", Architecture.UNET.toString());
		assertEquals("bilinear", Upsampling.BILINEAR.toString());
		assertEquals("gaussian", Likelihood.GAUSSIAN.toString());
		assertEquals("vae", ModelKind.VAE.toString());
		assertEquals("plateau", Schedule.PLATEAU.id());
		assertEquals("cosine", Schedule.COSINE.toString());
	}

	@Test
	public void parseIgnoresCaseAndSpaces() {
		assertSame(Architecture.PLAIN, Architecture.parse("plain"));
		assertSame(Architecture.UNET, Architecture.parse(" UNet "));
		assertSame(Upsampling.NEAREST, Upsampling.parse("Nearest"));
		assertSame(Likelihood.BERNOULLI, Likelihood.parse("bernoulli"));
		assertSame(ModelKind.DENOISER, ModelKind.parse("DENOISER"));
		assertSame(Schedule.PLATEAU, Schedule.parse("plateau"));
		for (final Architecture a : Architecture.values())
			assertSame(a, Architecture.parse(a.id()));
	}

	@Test
	public void byIdIsExact() {
		assertSame(Architecture.UNET, Choice.byId(Architecture.class, "unet"));
		assertEquals(null, Choice.byId(Architecture.class, "UNET"));
		assertEquals(null, Choice.byId(Architecture.class, null));
	}

	@Test
	public void unknownValuesNameTheValidOnes() {
		assertMessage(() -> Architecture.parse("resnet"), "Unknown architecture 'resnet': use 'unet' or 'plain'.");
		assertMessage(() -> Upsampling.parse("cubic"), "Unknown upsampling 'cubic': use 'nearest' or 'bilinear'.");
		assertMessage(() -> Likelihood.parse("poisson"), "Unknown likelihood 'poisson': use 'bernoulli' or 'gaussian'.");
		assertMessage(() -> ModelKind.parse("gan"), "Unknown model kind 'gan': use 'denoiser', 'vae' or 'autoencoder'.");
		assertMessage(() -> Schedule.parse("step"), "Unknown learning-rate schedule 'step': use 'cosine' or 'plateau'.");
		assertMessage(() -> Architecture.parse(" "), "No architecture given: use 'unet' or 'plain'.");
		assertMessage(() -> Schedule.parse(null), "No learning-rate schedule given: use 'cosine' or 'plateau'.");
	}

	/** The text entry points that front ends use parse with the same messages. */
	@Test
	public void textEntryPointsParse() {
		assertEquals(NetworkSpec.unet(2, 8).withArchitecture(Architecture.PLAIN).withUpsampling(Upsampling.BILINEAR),
			new NetworkSpec("plain", 2, 8, true, "bilinear", 1, 0.1f, NetworkSpec.DEFAULT_MAX_FILTERS));
		assertEquals(Architecture.PLAIN, NetworkSpec.unet(2, 8).withArchitecture("plain").architecture());
		assertMessage(() -> NetworkSpec.unet(2, 8).withArchitecture("resnet"),
			"Unknown architecture 'resnet': use 'unet' or 'plain'.");
		assertMessage(() -> new NetworkSpec("unet", 2, 8, true, "cubic", 1, 0.1f, 512),
			"Unknown upsampling 'cubic': use 'nearest' or 'bilinear'.");
	}

	@Test
	public void specsAreImmutableWithCopies() {
		final VaeSpec v = new VaeSpec(28, 28, 16, 2, 32, Likelihood.BERNOULLI, 1);
		final VaeSpec g = v.withLikelihood(Likelihood.GAUSSIAN).withBeta(0.5f).withLatent(4).withDepth(3).withFilters(8);
		assertEquals(new VaeSpec(28, 28, 4, 3, 8, Likelihood.GAUSSIAN, 0.5f), g);
		assertEquals(new VaeSpec(28, 28, 16, 2, 32, Likelihood.BERNOULLI, 1), v);
		assertMessage(() -> v.withLikelihood(null).validate(), "No likelihood given: use 'bernoulli' or 'gaussian'.");
		assertMessage(() -> NetworkSpec.unet(2, 8).withUpsampling(null).validate(),
			"No upsampling given: use 'nearest' or 'bilinear'.");
	}

	private static void assertMessage(final Runnable r, final String message) {
		assertEquals(message, assertThrows(BadInputException.class, r::run).getMessage());
	}
}
