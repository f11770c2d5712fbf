package dev.adjoint.issue13;

import static dev.adjoint.issue13.Data13.vec;

import java.util.List;

/** Time steppers and option pricing: RK4, heat equation, GradBench ode, Black–Scholes, trees. */
final class SolverPrograms13 {
  private SolverPrograms13() {}

  static List<Program13> all() {
    return List.of(rk4LotkaVolterra(), heatExplicit(), gradbenchOde(), blackScholes(),
        binomialTree(), firFilter());
  }

  /** Classic RK4 with the right-hand side as an out-parameter helper. */
  static Program13 rk4LotkaVolterra() {
    return Program13.of("Rk4LotkaVolterra", "RK4 (Hairer–Nørsett–Wanner) on Lotka–Volterra",
        "finalPrey", "", """
        static void rhs(double[] p, double[] y, double[] dydt) {
          dydt[0] = p[0] * y[0] - p[1] * y[0] * y[1];
          dydt[1] = p[2] * y[0] * y[1] - p[3] * y[1];
        }

        @Differentiable(wrt = {"p", "y0"})
        static double finalPrey(double[] p, double[] y0, double dt, int steps) {
          double[] y = y0.clone();
          for (int s = 0; s < steps; s++) {
            double[] k1 = new double[2];
            double[] k2 = new double[2];
            double[] k3 = new double[2];
            double[] k4 = new double[2];
            double[] tmp = new double[2];
            rhs(p, y, k1);
            for (int i = 0; i < 2; i++) {
              tmp[i] = y[i] + 0.5 * dt * k1[i];
            }
            rhs(p, tmp, k2);
            for (int i = 0; i < 2; i++) {
              tmp[i] = y[i] + 0.5 * dt * k2[i];
            }
            rhs(p, tmp, k3);
            for (int i = 0; i < 2; i++) {
              tmp[i] = y[i] + dt * k3[i];
            }
            rhs(p, tmp, k4);
            for (int i = 0; i < 2; i++) {
              y[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
          }
          return y[0];
        }
        """)
        .at(new double[] {1.1, 0.4, 0.1, 0.4}, new double[] {10, 5}, 0.05, 20)
        .build();
  }

  /** FTCS heat equation, {@code u}/{@code next} swapped every step. */
  static Program13 heatExplicit() {
    return Program13.of("HeatExplicit", "explicit (FTCS) heat equation, buffer swap",
        "energy", "", """
        @Differentiable(wrt = {"u0", "alpha"})
        static double energy(double[] u0, double alpha, double dt, double dx, int steps) {
          int n = u0.length;
          double r = alpha * dt / (dx * dx);
          double[] u = u0.clone();
          double[] next = new double[n];
          for (int s = 0; s < steps; s++) {
            next[0] = 0;
            next[n - 1] = 0;
            for (int i = 1; i < n - 1; i++) {
              next[i] = u[i] + r * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            double[] t = u;
            u = next;
            next = t;
          }
          double e = 0;
          for (int i = 0; i < n; i++) {
            e += u[i] * u[i] * dx;
          }
          return e;
        }
        """)
        .at(vec(8, 51), 0.8, 0.01, 0.2, 15)
        .build();
  }

  /** GradBench ode (cmpad's runge_kutta): ode_fun as an out-parameter helper. */
  static Program13 gradbenchOde() {
    return Program13.of("GradbenchOde", "GradBench ode.hpp (cmpad runge_kutta), y_f[n-1]",
        "last", "import java.util.Arrays;\n", """
        static void odeFun(double[] x, double[] y, double[] z) {
          z[0] = x[0];
          for (int i = 1; i < x.length; i++) {
            z[i] = x[i] * y[i - 1];
          }
        }

        @Differentiable
        static double last(double[] x, int s) {
          int n = x.length;
          double tf = 2;
          double h = tf / s;
          double[] k1 = new double[n];
          double[] k2 = new double[n];
          double[] k3 = new double[n];
          double[] k4 = new double[n];
          double[] yTmp = new double[n];
          double[] yf = new double[n];
          Arrays.fill(yf, 0.0);
          for (int step = 0; step < s; step++) {
            odeFun(x, yf, k1);
            for (int i = 0; i < n; i++) {
              yTmp[i] = yf[i] + h * k1[i] / 2;
            }
            odeFun(x, yTmp, k2);
            for (int i = 0; i < n; i++) {
              yTmp[i] = yf[i] + h * k2[i] / 2;
            }
            odeFun(x, yTmp, k3);
            for (int i = 0; i < n; i++) {
              yTmp[i] = yf[i] + h * k3[i];
            }
            odeFun(x, yTmp, k4);
            for (int i = 0; i < n; i++) {
              yf[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
            }
          }
          return yf[n - 1];
        }
        """)
        .at(vec(5, 61), 10)
        .build();
  }

  /** Black–Scholes call with a private normCdf (Abramowitz–Stegun 26.2.17). */
  static Program13 blackScholes() {
    return Program13.of("BlackScholes", "Black–Scholes call, private normCdf (A&S 26.2.17)",
        "call", "", """
        private static final double[] B = {0.319381530, -0.356563782, 1.781477937,
            -1.821255978, 1.330274429};

        private static double normCdf(double x) {
          double t = 1.0 / (1.0 + 0.2316419 * Math.abs(x));
          double poly = 0;
          for (int i = B.length - 1; i >= 0; i--) {
            poly = (poly + B[i]) * t;
          }
          double tail = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * poly;
          return x >= 0 ? 1 - tail : tail;
        }

        @Differentiable
        static double call(double s, double k, double r, double sigma, double t) {
          double sqrtT = Math.sqrt(t);
          double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
          double d2 = d1 - sigma * sqrtT;
          return s * normCdf(d1) - k * Math.exp(-r * t) * normCdf(d2);
        }
        """)
        .at(100.0, 95.0, 0.03, 0.25, 0.75)
        .at(80.0, 100.0, 0.01, 0.4, 2.0)
        .build();
  }

  /** Cox–Ross–Rubinstein European call, values rolled back in place in one array. */
  static Program13 binomialTree() {
    return Program13.of("BinomialTree", "Cox–Ross–Rubinstein tree, in-place rollback",
        "call", "", """
        @Differentiable
        static double call(double s, double k, double r, double sigma, double t, int n) {
          double dt = t / n;
          double u = Math.exp(sigma * Math.sqrt(dt));
          double d = 1 / u;
          double p = (Math.exp(r * dt) - d) / (u - d);
          double disc = Math.exp(-r * dt);
          double[] v = new double[n + 1];
          for (int i = 0; i <= n; i++) {
            double st = s * Math.pow(u, i) * Math.pow(d, n - i);
            v[i] = Math.max(st - k, 0);
          }
          for (int step = n - 1; step >= 0; step--) {
            for (int i = 0; i <= step; i++) {
              v[i] = disc * (p * v[i + 1] + (1 - p) * v[i]);
            }
          }
          return v[0];
        }
        """)
        .at(100.0, 97.0, 0.03, 0.25, 0.75, 12)
        .build();
  }

  /** A FIR filter with its history shifted by an overlapping System.arraycopy. */
  static Program13 firFilter() {
    return Program13.of("FirFilter", "FIR filter fit, delay line shifted with System.arraycopy",
        "loss", "import java.util.Arrays;\n", """
        @Differentiable(wrt = "taps")
        static double loss(double[] taps, double[] signal, double[] wanted) {
          double[] history = new double[taps.length];
          Arrays.fill(history, 0.0);
          double loss = 0;
          for (int t = 0; t < signal.length; t++) {
            System.arraycopy(history, 0, history, 1, history.length - 1);
            history[0] = signal[t];
            double y = 0;
            for (int k = 0; k < taps.length; k++) {
              y += taps[k] * history[k];
            }
            double e = y - wanted[t];
            loss += e * e;
          }
          double[] tail = Arrays.copyOfRange(taps, 1, taps.length);
          for (double c : tail) {
            loss += 0.01 * c * c;
          }
          return loss;
        }
        """)
        .at(vec(4, 71, 0.5), vec(9, 72), vec(9, 73))
        .build();
  }
}
