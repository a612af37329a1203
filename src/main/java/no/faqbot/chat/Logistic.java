package no.faqbot.chat;

import java.util.List;

/**
 * A logistic regression over named features: the chance that acting on a hit is right. Features are
 * standardised by {@code mean} and {@code scale} before the weights apply, so the weights compare.
 * Fitted by {@link #fit} (Newton's method with a small L2 penalty), kept in the reply model's data
 * file.
 */
public record Logistic(
    List<String> features, double[] mean, double[] scale, double[] weights, double bias) {

  public Logistic {
    features = List.copyOf(features);
    int n = features.size();
    if (mean.length != n || scale.length != n || weights.length != n) {
      throw new IllegalArgumentException(
          "a model over " + n + " features needs " + n + " means, scales and weights");
    }
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  /** The estimated chance (0 to 1) for feature values {@code x}, in {@link #features}' order. */
  public double probability(double[] x) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * (x[i] - mean[i]) / scale[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The model that best explains {@code right} (1 or 0 per row) from {@code rows}, with L2 penalty
   * {@code lambda} on the standardised weights (not the bias).
   */
  public static Logistic fit(List<String> features, double[][] rows, int[] right, double lambda) {
    int n = features.size();
    int m = rows.length;
    double[] mean = new double[n];
    double[] scale = new double[n];
    for (int j = 0; j < n; j++) {
      double sum = 0;
      double sq = 0;
      for (double[] row : rows) {
        sum += row[j];
        sq += row[j] * row[j];
      }
      mean[j] = m == 0 ? 0 : sum / m;
      double var = m == 0 ? 0 : sq / m - mean[j] * mean[j];
      scale[j] = var > 1e-12 ? Math.sqrt(var) : 1;
    }
    double[][] z = new double[m][n + 1];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        z[i][j] = (rows[i][j] - mean[j]) / scale[j];
      }
      z[i][n] = 1; // the bias
    }
    double[] w = new double[n + 1];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[n + 1];
      double[][] hessian = new double[n + 1][n + 1];
      for (int i = 0; i < m; i++) {
        double p = sigmoid(dot(w, z[i]));
        double weight = p * (1 - p);
        for (int a = 0; a <= n; a++) {
          gradient[a] += (p - right[i]) * z[i][a];
          for (int b = 0; b <= n; b++) {
            hessian[a][b] += weight * z[i][a] * z[i][b];
          }
        }
      }
      for (int a = 0; a < n; a++) {
        gradient[a] += lambda * w[a];
        hessian[a][a] += lambda;
      }
      hessian[n][n] += 1e-9;
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int a = 0; a <= n; a++) {
        w[a] -= step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-8) {
        break;
      }
    }
    double[] weights = new double[n];
    System.arraycopy(w, 0, weights, 0, n);
    return new Logistic(features, mean, scale, weights, w[n]);
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is small). */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      double d = m[col][col];
      if (Math.abs(d) < 1e-12) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col] / d;
          for (int c = col; c <= n; c++) {
            m[r][c] -= f * m[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
    }
    return x;
  }
}
