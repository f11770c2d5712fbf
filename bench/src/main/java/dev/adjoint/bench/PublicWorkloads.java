package dev.adjoint.bench;

import dev.adjoint.Differentiable;

/**
 * Objectives of public AD benchmarks, written from their published definitions as a Java user
 * would write them for Adjoint (differentiated into {@code PublicWorkloadsGrad}). Their
 * hand-written gradients, ported from the benchmarks' own "manual" tools, are in
 * {@link PublicHandGradients}.
 *
 * <ul>
 *   <li>{@link #gmm}: ADBench's Gaussian mixture model objective (microsoft/ADBench,
 *       {@code src/cpp/shared/gmm.h}: {@code gmm_objective}, {@code log_wishart_prior}).
 *   <li>{@link #llsq}: GradBench's linear least-squares objective (gradbench/gradbench,
 *       {@code evals/llsq}, after cmpad's {@code llsq_obj}).
 *   <li>{@link #ode}: GradBench's ODE eval (gradbench/gradbench, {@code evals/ode}, after
 *       cmpad's {@code an_ode}): {@code s} classical Runge–Kutta steps of {@code y' = f(x, y)}
 *       on [0, 2], the last component of the solution.
 * </ul>
 */
public final class PublicWorkloads {
  private PublicWorkloads() {}

  /**
   * ADBench GMM: the negative log-likelihood-style objective of {@code n} points {@code x[n][d]}
   * under {@code K} Gaussians with unnormalised log weights {@code alphas[K]}, means
   * {@code means[K][d]} and inverse-covariance factors {@code icf[K][d(d+1)/2]} (first the
   * {@code d} logs of the diagonal of L, then its strictly lower part column by column), plus
   * the Wishart prior with parameters {@code gamma}, {@code m}:
   *
   * <pre>
   * Σ_i logsumexp_k(α_k + Σ q_k − ½‖L_k (x_i − μ_k)‖²) − n logsumexp(α) − n d ½ log 2π
   *   + Σ_k (½ γ² (‖exp q_k‖² + ‖l_k‖²) − m Σ q_k) − K C(γ, m, d)
   * </pre>
   */
  @Differentiable(wrt = {"alphas", "means", "icf"})
  public static double gmm(double[] alphas, double[][] means, double[][] icf, double[][] x,
      double gamma, int m) {
    int k = alphas.length;
    int d = means[0].length;
    int n = x.length;
    int icfSize = d * (d + 1) / 2;
    double[] sumQs = new double[k];
    double[][] qdiags = new double[k][d];
    double[] xc = new double[d];
    double[] lxc = new double[d];
    double[] mainTerm = new double[k];
    for (int c = 0; c < k; c++) {
      double s = 0;
      for (int i = 0; i < d; i++) {
        s += icf[c][i];
        qdiags[c][i] = Math.exp(icf[c][i]);
      }
      sumQs[c] = s;
    }
    double slse = 0;
    for (int p = 0; p < n; p++) {
      for (int c = 0; c < k; c++) {
        double[] mu = means[c];
        double[] q = icf[c];
        double[] qdiag = qdiags[c];
        for (int i = 0; i < d; i++) {
          xc[i] = x[p][i] - mu[i];
        }
        for (int i = 0; i < d; i++) {
          lxc[i] = qdiag[i] * xc[i];
        }
        int l = d;
        for (int i = 0; i < d; i++) {
          for (int j = i + 1; j < d; j++) {
            lxc[j] += q[l] * xc[i];
            l++;
          }
        }
        double sq = 0;
        for (int i = 0; i < d; i++) {
          sq += lxc[i] * lxc[i];
        }
        mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sq;
      }
      slse += logSumExp(mainTerm);
    }
    double lseAlphas = logSumExp(alphas);
    double constant = -n * d * 0.5 * Math.log(2 * Math.PI);

    // log_wishart_prior
    int nu = d + m + 1;
    double priorConstant = nu * d * (Math.log(gamma) - 0.5 * Math.log(2))
        - logMultivariateGamma(0.5 * nu, d);
    double prior = 0;
    for (int c = 0; c < k; c++) {
      double frobenius = 0;
      for (int i = 0; i < d; i++) {
        frobenius += qdiags[c][i] * qdiags[c][i];
      }
      for (int i = d; i < icfSize; i++) {
        frobenius += icf[c][i] * icf[c][i];
      }
      prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c];
    }
    prior -= k * priorConstant;
    return constant + slse - n * lseAlphas + prior;
  }

  /** {@code log Σ exp(v[i])}, shifted by the maximum. */
  public static double logSumExp(double[] v) {
    double mx = v[0];
    for (int i = 1; i < v.length; i++) {
      if (v[i] > mx) {
        mx = v[i];
      }
    }
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += Math.exp(v[i] - mx);
    }
    return Math.log(s) + mx;
  }

  /**
   * The log of the multivariate gamma function Γ_p(a) = π^{p(p−1)/4} Π_{j=1..p} Γ(a + (1 − j)/2),
   * for {@code 2a} an integer (all the Wishart prior needs). A constant: no active argument.
   */
  public static double logMultivariateGamma(double a, int p) {
    double out = 0.25 * p * (p - 1) * Math.log(Math.PI);
    for (int j = 1; j <= p; j++) {
      out += logGammaOfHalfInteger(a + 0.5 * (1 - j));
    }
    return out;
  }

  /** log Γ(z) for z a positive multiple of ½, by Γ(z + 1) = z Γ(z) from Γ(1) = 1, Γ(½) = √π. */
  static double logGammaOfHalfInteger(double z) {
    double out = 0;
    double base = z - Math.floor(z) == 0 ? 1 : 0.5;
    if (base == 0.5) {
      out = 0.5 * Math.log(Math.PI);
    }
    for (double y = base; y < z - 0.25; y += 1) {
      out += Math.log(y);
    }
    return out;
  }

  /**
   * GradBench llsq: {@code ½ Σ_{i<n} (s_i − Σ_{j<m} x_j t_i^j)²} with {@code t_i = −1 + 2i/(n−1)}
   * and {@code s_i = sign(t_i)}: a degree-(m−1) polynomial least-squares fit to a step.
   */
  @Differentiable
  public static double llsq(double[] x, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double ti = -1 + i * 2.0 / (n - 1);
      double r = Math.signum(ti);
      double mul = 1;
      for (int j = 0; j < x.length; j++) {
        r -= x[j] * mul;
        mul *= ti;
      }
      sum += r * r;
    }
    return sum / 2;
  }

  /**
   * GradBench ode: {@code s} classical Runge–Kutta (RK4) steps on [0, 2] of
   * {@code y₀' = x₀, y_i' = x_i y_{i−1}} from {@code y(0) = 0}; returns the last component
   * {@code y_{n−1}(2)}, whose gradient the eval asks for.
   */
  @Differentiable
  public static double ode(double[] x, int s) {
    int n = x.length;
    double h = 2.0 / s;
    double[] y = new double[n];
    double[] k1 = new double[n];
    double[] k2 = new double[n];
    double[] k3 = new double[n];
    double[] k4 = new double[n];
    double[] tmp = new double[n];
    for (int step = 0; step < s; step++) {
      k1[0] = x[0];
      for (int i = 1; i < n; i++) {
        k1[i] = x[i] * y[i - 1];
      }
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + h * k1[i] / 2;
      }
      k2[0] = x[0];
      for (int i = 1; i < n; i++) {
        k2[i] = x[i] * tmp[i - 1];
      }
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + h * k2[i] / 2;
      }
      k3[0] = x[0];
      for (int i = 1; i < n; i++) {
        k3[i] = x[i] * tmp[i - 1];
      }
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + h * k3[i];
      }
      k4[0] = x[0];
      for (int i = 1; i < n; i++) {
        k4[i] = x[i] * tmp[i - 1];
      }
      for (int i = 0; i < n; i++) {
        y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
      }
    }
    return y[n - 1];
  }
}
