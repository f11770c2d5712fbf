package dev.adjoint.bench;

/**
 * Hand-written gradients of {@link PublicWorkloads}, ported (formulas, not code) from the
 * benchmarks' own hand-written ("manual") tools. Like {@link HandGradients}, each returns the
 * value and ADDS the gradient into the arrays passed in, with scratch memory from a caller-owned
 * workspace (nothing allocated per call).
 */
public final class PublicHandGradients {
  private PublicHandGradients() {}

  /** Scratch memory for {@link #gmm}. */
  public static final class GmmWorkspace {
    final double[][] qdiags;
    final double[] sumQs;
    final double[] mainTerm;
    final double[] xc;
    final double[] lxc;
    final double[][] meansD;
    final double[][] qD;
    final double[][] lD;

    public GmmWorkspace(int k, int d) {
      int icfSize = d * (d + 1) / 2;
      qdiags = new double[k][d];
      sumQs = new double[k];
      mainTerm = new double[k];
      xc = new double[d];
      lxc = new double[d];
      meansD = new double[k][d];
      qD = new double[k][d];
      lD = new double[k][icfSize - d];
    }
  }

  /**
   * Gradient of {@link PublicWorkloads#gmm} with respect to alphas, means and icf, added into
   * {@code gAlphas}, {@code gMeans}, {@code gIcf}: ADBench's manual gradient
   * ({@code src/cpp/modules/manual/gmm_d.cpp}). Per point and component it computes
   * {@code xc = x − μ}, {@code Lxc}, the partials of the component's main term
   * ({@code ∂/∂μ = Lᵀ L xc}, {@code ∂/∂q_i = 1 − e^{q_i} xc_i (Lxc)_i},
   * {@code ∂/∂l_{ij} = −xc_j (Lxc)_i}); then the logsumexp's softmax weights scale them into the
   * gradient. The prior's and {@code −n logsumexp(α)}'s gradients are closed forms.
   */
  public static double gmm(double[] alphas, double[][] means, double[][] icf, double[][] x,
      double gamma, int m, double[] gAlphas, double[][] gMeans, double[][] gIcf,
      GmmWorkspace ws) {
    int k = alphas.length;
    int d = means[0].length;
    int n = x.length;
    int icfSize = d * (d + 1) / 2;
    double[][] qdiags = ws.qdiags;
    double[] sumQs = ws.sumQs;
    double[] mainTerm = ws.mainTerm;
    double[] xc = ws.xc;
    double[] lxc = ws.lxc;
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
      double[] xp = x[p];
      for (int c = 0; c < k; c++) {
        double[] mu = means[c];
        double[] q = icf[c];
        double[] qdiag = qdiags[c];
        for (int i = 0; i < d; i++) {
          xc[i] = xp[i] - mu[i];
          lxc[i] = qdiag[i] * xc[i];
        }
        int l = d;
        for (int i = 0; i < d; i++) {
          for (int j = i + 1; j < d; j++) {
            lxc[j] += q[l] * xc[i];
            l++;
          }
        }
        // ∂(−½‖L xc‖²)/∂μ = Lᵀ (L xc)
        double[] md = ws.meansD[c];
        for (int i = 0; i < d; i++) {
          md[i] = qdiag[i] * lxc[i];
        }
        l = d;
        for (int i = 0; i < d; i++) {
          for (int j = i + 1; j < d; j++) {
            md[i] += q[l] * lxc[j];
            l++;
          }
        }
        double[] qd = ws.qD[c];
        for (int i = 0; i < d; i++) {
          qd[i] = 1 - qdiag[i] * xc[i] * lxc[i];
        }
        double[] ld = ws.lD[c];
        l = 0;
        for (int i = 0; i < d; i++) {
          for (int j = i + 1; j < d; j++) {
            ld[l++] = -xc[i] * lxc[j];
          }
        }
        double sq = 0;
        for (int i = 0; i < d; i++) {
          sq += lxc[i] * lxc[i];
        }
        mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sq;
      }
      slse += softmaxInPlace(mainTerm);
      for (int c = 0; c < k; c++) {
        double w = mainTerm[c];
        gAlphas[c] += w;
        double[] gm = gMeans[c];
        double[] gq = gIcf[c];
        double[] md = ws.meansD[c];
        double[] qd = ws.qD[c];
        double[] ld = ws.lD[c];
        for (int i = 0; i < d; i++) {
          gm[i] += md[i] * w;
          gq[i] += qd[i] * w;
        }
        for (int i = d; i < icfSize; i++) {
          gq[i] += ld[i - d] * w;
        }
      }
    }
    // −n logsumexp(α): −n softmax(α); mainTerm is free scratch of length k now.
    System.arraycopy(alphas, 0, mainTerm, 0, k);
    double lseAlphas = softmaxInPlace(mainTerm);
    double g2 = gamma * gamma;
    double prior = 0;
    for (int c = 0; c < k; c++) {
      gAlphas[c] -= n * mainTerm[c];
      double[] gq = gIcf[c];
      double[] q = icf[c];
      double frobenius = 0;
      for (int i = 0; i < d; i++) {
        double e = qdiags[c][i];
        frobenius += e * e;
        gq[i] += g2 * e * e - m;
      }
      for (int i = d; i < icfSize; i++) {
        frobenius += q[i] * q[i];
        gq[i] += g2 * q[i];
      }
      prior += 0.5 * g2 * frobenius - m * sumQs[c];
    }
    int nu = d + m + 1;
    double priorConstant = nu * d * (Math.log(gamma) - 0.5 * Math.log(2))
        - PublicWorkloads.logMultivariateGamma(0.5 * nu, d);
    prior -= k * priorConstant;
    double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
    return constant + slse - n * lseAlphas + prior;
  }

  /** Returns logsumexp(v) and overwrites v with its gradient, softmax(v). */
  static double softmaxInPlace(double[] v) {
    double mx = v[0];
    for (int i = 1; i < v.length; i++) {
      if (v[i] > mx) {
        mx = v[i];
      }
    }
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      double e = Math.exp(v[i] - mx);
      v[i] = e;
      s += e;
    }
    double inv = 1 / s;
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return Math.log(s) + mx;
  }

  /** Scratch memory for {@link #llsq}: the residual of each sample. */
  public static final class LlsqWorkspace {
    double[] residuals = new double[0];

    void ensure(int n) {
      if (residuals.length < n) {
        residuals = new double[n];
      }
    }
  }

  /**
   * Gradient of {@link PublicWorkloads#llsq}, added into {@code g}: GradBench's manual tool
   * ({@code tools/manual/llsq.cpp}). One pass computes the residuals
   * {@code r_i = s_i − Σ_j x_j t_i^j}, a second one accumulates {@code ∂/∂x_j = −Σ_i r_i t_i^j}.
   */
  public static double llsq(double[] x, int n, double[] g, LlsqWorkspace ws) {
    ws.ensure(n);
    double[] r = ws.residuals;
    int m = x.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double ti = -1 + i * 2.0 / (n - 1);
      double inner = Math.signum(ti);
      double mul = 1;
      for (int j = 0; j < m; j++) {
        inner -= x[j] * mul;
        mul *= ti;
      }
      r[i] = inner;
      sum += inner * inner;
    }
    for (int i = 0; i < n; i++) {
      double ti = -1 + i * 2.0 / (n - 1);
      double term = 1;
      double ri = r[i];
      for (int j = 0; j < m; j++) {
        g[j] -= ri * term;
        term *= ti;
      }
    }
    return sum / 2;
  }

  /** Scratch memory for {@link #ode}: the state at the start of every step, and stage buffers. */
  public static final class OdeWorkspace {
    double[][] ys = new double[0][];
    double[] y = new double[0];
    double[] k1;
    double[] k2;
    double[] k3;
    double[] t1;
    double[] t2;
    double[] t3;
    double[] ay;
    double[] aprev;
    double[] ak;

    void ensure(int n, int s) {
      if (y.length != n || ys.length < s) {
        ys = new double[s][n];
        y = new double[n];
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        t1 = new double[n];
        t2 = new double[n];
        t3 = new double[n];
        ay = new double[n];
        aprev = new double[n];
        ak = new double[n];
      }
    }
  }

  /**
   * Gradient of {@link PublicWorkloads#ode} (the last component after {@code s} RK4 steps) with
   * respect to {@code x}, added into {@code g}: the discrete adjoint of RK4, storing the state
   * at the start of each step and recomputing that step's stages in the reverse sweep, with the
   * stage adjoints fused into one pass per stage.
   *
   * <p>GradBench's manual tool ({@code tools/manual/ode.cpp}) instead returns the gradient of
   * the ODE's exact solution {@code y_{n−1}(2) = 2ⁿ Π x_i / n!}, which is not the derivative of
   * the RK4 result that the primal computes (they differ by the RK4 error); to time the same
   * work, this is the hand-written reverse mode of the discretised primal.
   */
  public static double ode(double[] x, int s, double[] g, OdeWorkspace ws) {
    int n = x.length;
    ws.ensure(n, s);
    double h = 2.0 / s;
    double c6 = h / 6;
    double[] y = ws.y;
    double[] k1 = ws.k1;
    double[] k2 = ws.k2;
    double[] k3 = ws.k3;
    double[] t1 = ws.t1;
    double[] t2 = ws.t2;
    double[] t3 = ws.t3;
    java.util.Arrays.fill(y, 0.0);
    for (int step = 0; step < s; step++) {
      System.arraycopy(y, 0, ws.ys[step], 0, n);
      stages(x, y, h, k1, k2, k3, t1, t2, t3);
      y[0] += c6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + x[0]);
      for (int i = 1; i < n; i++) {
        y[i] += c6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + x[i] * t3[i - 1]);
      }
    }
    double value = y[n - 1];
    // ay: adjoint of the state after the step; aprev: of the state before it.
    double[] ay = ws.ay;
    double[] aprev = ws.aprev;
    double[] ak = ws.ak;
    java.util.Arrays.fill(ay, 0.0);
    ay[n - 1] = 1.0;
    for (int step = s - 1; step >= 0; step--) {
      double[] y0 = ws.ys[step];
      stages(x, y0, h, k1, k2, k3, t1, t2, t3);
      // y' = y + c6 (k1 + 2 k2 + 2 k3 + k4), k4_i = x_i t3_{i-1}, k4_0 = x_0.
      g[0] += c6 * ay[0];
      for (int i = 0; i < n; i++) {
        double at3 = i + 1 < n ? x[i + 1] * c6 * ay[i + 1] : 0;
        if (i >= 1) {
          g[i] += c6 * ay[i] * t3[i - 1];
        }
        aprev[i] = ay[i] + at3;                       // t3 = y + h k3
        ak[i] = 2 * c6 * ay[i] + h * at3;             // adjoint of k3
      }
      // k3_i = x_i t2_{i-1}; t2 = y + h/2 k2
      g[0] += ak[0];
      for (int i = 0; i < n; i++) {
        double at2 = i + 1 < n ? x[i + 1] * ak[i + 1] : 0;
        if (i >= 1) {
          g[i] += ak[i] * t2[i - 1];
        }
        aprev[i] += at2;
        ak[i] = 2 * c6 * ay[i] + 0.5 * h * at2;       // adjoint of k2
      }
      // k2_i = x_i t1_{i-1}; t1 = y + h/2 k1
      g[0] += ak[0];
      for (int i = 0; i < n; i++) {
        double at1 = i + 1 < n ? x[i + 1] * ak[i + 1] : 0;
        if (i >= 1) {
          g[i] += ak[i] * t1[i - 1];
        }
        aprev[i] += at1;
        ak[i] = c6 * ay[i] + 0.5 * h * at1;           // adjoint of k1
      }
      // k1_i = x_i y_{i-1}
      g[0] += ak[0];
      for (int i = 0; i < n; i++) {
        if (i >= 1) {
          g[i] += ak[i] * y0[i - 1];
        }
        if (i + 1 < n) {
          aprev[i] += x[i + 1] * ak[i + 1];
        }
      }
      double[] swap = ay;
      ay = aprev;
      aprev = swap;
    }
    ws.ay = ay;
    ws.aprev = aprev;
    return value;
  }

  /** The first three RK4 stages from y, and the stage states t1, t2, t3. */
  private static void stages(double[] x, double[] y, double h, double[] k1, double[] k2,
      double[] k3, double[] t1, double[] t2, double[] t3) {
    int n = x.length;
    k1[0] = x[0];
    for (int i = 1; i < n; i++) {
      k1[i] = x[i] * y[i - 1];
    }
    for (int i = 0; i < n; i++) {
      t1[i] = y[i] + h * k1[i] / 2;
    }
    k2[0] = x[0];
    for (int i = 1; i < n; i++) {
      k2[i] = x[i] * t1[i - 1];
    }
    for (int i = 0; i < n; i++) {
      t2[i] = y[i] + h * k2[i] / 2;
    }
    k3[0] = x[0];
    for (int i = 1; i < n; i++) {
      k3[i] = x[i] * t2[i - 1];
    }
    for (int i = 0; i < n; i++) {
      t3[i] = y[i] + h * k3[i];
    }
  }
}
