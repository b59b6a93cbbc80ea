package sc.fiji.autoencoders.bench;

import java.io.File;
import java.util.*;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.*;
import sc.fiji.autoencoders.predict.Denoiser;
/**
 * How far a voxel's change reaches through a trained 3D denoiser (issue 13, 3D memory): the network on a WxWxD block of
 * noise-like values, once as is and once with the centre voxel raised by the whole data range (1 in normalized units);
 * prints, per XY and Z distance from the centre, the largest change of the output. Against the worst-case receptive
 * radius the tiler's margins use (Denoiser.receptiveRadius), it shows where the influence falls below float round-off.
 * Usage: ReceptiveField3D MODEL W D
 */
public final class ReceptiveField3D {
  public static void main(String[] a) throws Exception {
    AutoencoderModel m = ModelFile.load(new File(a[0]));
    int s = Integer.parseInt(a[1]), d = Integer.parseInt(a[2]);
    System.out.println(m.networkSpec() + " r=" + Denoiser.receptiveRadius(m.networkSpec()) + " rz=" + Denoiser.receptiveRadiusZ(m.networkSpec()));
    try (Denoiser den = new Denoiser(m)) {
      float[] x = new float[s * s * d]; Random r = new Random(1);
      for (int i = 0; i < x.length; i++) x[i] = 0.3f + 0.1f * (float) r.nextGaussian();
      float[] y = x.clone(); int c = s / 2, cz = d / 2; y[(cz * s + c) * s + c] += 1f; // a change of the whole data range
      float[] ox = den.run(x, new long[] { s, s, d }), oy = den.run(y, new long[] { s, s, d });
      double[] byXY = new double[s], byZ = new double[d];
      for (int z = 0; z < d; z++) for (int yy = 0; yy < s; yy++) for (int xx = 0; xx < s; xx++) {
        int i = (z * s + yy) * s + xx; double diff = Math.abs(ox[i] - oy[i]);
        int dxy = Math.max(Math.abs(xx - c), Math.abs(yy - c)), dz = Math.abs(z - cz);
        byXY[dxy] = Math.max(byXY[dxy], diff); byZ[dz] = Math.max(byZ[dz], diff);
      }
      StringBuilder sb = new StringBuilder("XY distance: max |change| (normalized units)\n");
      for (int i = 0; i < s / 2; i += 4) sb.append(String.format(" %d:%.1e", i, byXY[i]));
      sb.append("\nZ distance:\n");
      for (int i = 0; i < d / 2; i += 2) sb.append(String.format(" %d:%.1e", i, byZ[i]));
      System.out.println(sb);
    }
  }
}
