package sc.fiji.autoencoders.io;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.io.zarr.OmeAxis;
import sc.fiji.autoencoders.io.zarr.OmeZarrImage;

/**
 * An OME-Zarr image (level 0) as an ImageJ virtual stack: planes in ImageJ's order (channel, slice, frame), each read
 * from the chunks it crosses when asked for, through one {@link BlockCache} that the lazy X, Y, Z images of
 * {@link #views()} share. How a {@code .zarr} path becomes an {@link ImagePlus} (for example a training image given
 * on the command line) without reading the volume.
 */
public final class ZarrStack extends VirtualStack {

	private final RandomAccessibleInterval<FloatType>[][] views;
	private final int channels, slices;

	private ZarrStack(final OmeZarrImage image, final int width, final int height, final int channels, final int slices,
		final int frames)
	{
		super(width, height, channels * slices * frames);
		this.channels = channels;
		this.slices = slices;
		final BlockCache cache = new BlockCache(LazyImages.CACHE_BYTES);
		@SuppressWarnings("unchecked")
		final RandomAccessibleInterval<FloatType>[][] v = new RandomAccessibleInterval[channels][frames];
		for (int c = 0; c < channels; c++)
			for (int t = 0; t < frames; t++)
				v[c][t] = LazyImages.zarr(image, c, t, cache);
		views = v;
		setBitDepth(32);
	}

	/**
	 * The image in folder {@code root} as a virtual hyperstack with its voxel sizes.
	 *
	 * @throws sc.fiji.autoencoders.base.BadInputException if it is not an OME-Zarr image this version reads
	 */
	public static ImagePlus open(final File root) {
		final OmeZarrImage image = OmeZarrImage.open(root.toPath());
		final List<Axis> axes = image.imageAxes();
		final long[] shape = image.level(0).shape();
		final int[] size = new int[5]; // X, Y, C, Z, T
		final Axis[] order = { Axis.X, Axis.Y, Axis.C, Axis.Z, Axis.T };
		for (int k = 0; k < order.length; k++) {
			final int d = axes.indexOf(order[k]);
			size[k] = d < 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, shape[d]);
		}
		final ZarrStack stack = new ZarrStack(image, size[0], size[1], size[2], size[3], size[4]);
		final ImagePlus imp = new ImagePlus(root.getName(), stack);
		imp.setDimensions(size[2], size[3], size[4]);
		if (size[2] > 1 || size[3] > 1 && size[4] > 1) imp.setOpenAsHyperStack(true);
		imp.setCalibration(calibration(image));
		return imp;
	}

	private static Calibration calibration(final OmeZarrImage image) {
		final Calibration cal = new Calibration();
		final double[] scale = image.multiscale().levels().get(0).scale();
		final List<OmeAxis> axes = image.axes();
		for (int d = 0; d < axes.size(); d++) {
			final Axis a = axes.get(d).toAxis();
			final String unit = axes.get(d).unit() == null ? "pixel" : axes.get(d).unit();
			if (a == Axis.X) {
				cal.pixelWidth = scale[d];
				cal.setXUnit(unit);
			}
			else if (a == Axis.Y) {
				cal.pixelHeight = scale[d];
				cal.setYUnit(unit);
			}
			else if (a == Axis.Z) {
				cal.pixelDepth = scale[d];
				cal.setZUnit(unit);
			}
		}
		return cal;
	}

	/** The image's channels and time points as X, Y, Z images: {@code [channel][time point]}. */
	RandomAccessibleInterval<FloatType>[][] views() {
		return views;
	}

	@Override
	public ImageProcessor getProcessor(final int n) {
		final int k = n - 1, c = k % channels, z = k / channels % slices, t = k / (channels * slices);
		final int w = getWidth(), h = getHeight();
		final float[] pixels = new float[w * h];
		final RandomAccess<FloatType> ra = views[c][t].randomAccess();
		ra.setPosition(z, 2);
		for (int y = 0, i = 0; y < h; y++) {
			ra.setPosition(0, 0);
			ra.setPosition(y, 1);
			for (int x = 0; x < w; x++, ra.fwd(0))
				pixels[i++] = ra.get().get();
		}
		return new FloatProcessor(w, h, pixels);
	}

	@Override
	public Object getPixels(final int n) {
		return getProcessor(n).getPixels();
	}

	@Override
	public String getSliceLabel(final int n) {
		return null;
	}
}
