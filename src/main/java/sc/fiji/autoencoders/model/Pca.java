package sc.fiji.autoencoders.model;

/**
 * Principal components of small data sets (codes of at most a few hundred dimensions): the eigenvectors of the
 * covariance by cyclic Jacobi rotations, which need no library and are exact to rounding for symmetric matrices.
 */
public final class Pca {

	private final double[] mean;
	/** Eigenvectors as rows, by decreasing eigenvalue. */
	private final double[][] axes;
	private final double[] variances;

	private Pca(final double[] mean, final double[][] axes, final double[] variances) {
		this.mean = mean;
		this.axes = axes;
		this.variances = variances;
	}

	/** The principal axes of {@code rows.length / dimension} rows of {@code dimension} numbers. */
	public static Pca of(final float[] rows, final int dimension) {
		final CodeDistribution g = CodeDistribution.fit(rows, dimension);
		final double[][] e = eigen(g.covariance(), dimension);
		final double[] values = e[dimension];
		final double[][] axes = new double[dimension][];
		for (int i = 0; i < dimension; i++)
			axes[i] = e[i];
		return new Pca(g.mean(), axes, values);
	}

	/** Unit axis {@code i} (0: the direction of largest variance). */
	public double[] axis(final int i) {
		return axes[i].clone();
	}

	/** Variance along axis {@code i}. */
	public double variance(final int i) {
		return variances[i];
	}

	/** Coordinates of {@code row} on the first {@code count} axes. */
	public double[] project(final float[] rows, final int row, final int count) {
		final int k = mean.length;
		final double[] out = new double[count];
		for (int a = 0; a < count; a++)
			for (int j = 0; j < k; j++)
				out[a] += (rows[row * k + j] - mean[j]) * axes[a][j];
		return out;
	}

	/**
	 * Eigen-decomposition of a symmetric k x k matrix (row-major): rows 0..k-1 of the result are the unit eigenvectors
	 * by decreasing eigenvalue, row k the eigenvalues.
	 */
	public static double[][] eigen(final double[] symmetric, final int k) {
		final double[][] a = new double[k][k], v = new double[k][k];
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++)
				a[i][j] = symmetric[i * k + j];
			v[i][i] = 1;
		}
		for (int sweep = 0; sweep < 100; sweep++) {
			double off = 0, diag = 0;
			for (int i = 0; i < k; i++) {
				diag += a[i][i] * a[i][i];
				for (int j = i + 1; j < k; j++)
					off += a[i][j] * a[i][j];
			}
			if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
			for (int p = 0; p < k; p++)
				for (int q = p + 1; q < k; q++) {
					if (a[p][q] == 0) continue;
					final double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					final double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					final double c = 1 / Math.sqrt(t * t + 1), s = t * c;
					for (int r = 0; r < k; r++) { // columns p and q
						final double arp = a[r][p], arq = a[r][q];
						a[r][p] = c * arp - s * arq;
						a[r][q] = s * arp + c * arq;
					}
					for (int r = 0; r < k; r++) { // rows p and q
						final double apr = a[p][r], aqr = a[q][r];
						a[p][r] = c * apr - s * aqr;
						a[q][r] = s * apr + c * aqr;
					}
					for (int r = 0; r < k; r++) {
						final double vrp = v[r][p], vrq = v[r][q];
						v[r][p] = c * vrp - s * vrq;
						v[r][q] = s * vrp + c * vrq;
					}
				}
		}
		final Integer[] order = new Integer[k];
		for (int i = 0; i < k; i++)
			order[i] = i;
		java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
		final double[][] out = new double[k + 1][];
		out[k] = new double[k];
		for (int i = 0; i < k; i++) {
			out[i] = new double[k];
			for (int r = 0; r < k; r++)
				out[i][r] = v[r][order[i]];
			out[k][i] = a[order[i]][order[i]];
		}
		return out;
	}
}
