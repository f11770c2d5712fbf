package dev.adjoint.bench;

/**
 * The hand-written gradient of {@link Lstm#objective}, the method of ADBench's manual tool
 * ({@code src/cpp/modules/manual/lstm_d.cpp}) written anew for flat Java arrays: forward
 * propagation of the state's Jacobian, step by step. Since ADBench's gates are element-wise,
 * position {@code i} of every layer depends only on the parameters at position {@code i}: its
 * {@code 8} gate weights and biases per layer and its input weight, {@code P = 8l + 1} in all. For
 * each position the workspace carries {@code ∂hidden/∂θ} and {@code ∂cell/∂θ} of every layer
 * (only the parameters of the layers up to it are non-zero, as in ADBench's
 * {@code lstm_predict_d}); each step updates them through the gate derivatives, turns them into
 * {@code ∂prediction/∂θ}, and adds {@code ∂loss/∂prediction · ∂prediction/∂θ} into the gradient.
 */
public final class LstmHand {
  private LstmHand() {}

  /** Scratch reused across calls: the state and its Jacobian, and one step's prediction. */
  public static final class Workspace {
    final int l;
    final int b;
    final int directions;
    final double[] state;
    /** Per position, layer and (hidden, cell): the derivatives by the position's parameters. */
    final double[] jacobian;
    final double[] inputJacobian;
    final double[] ypred;
    final double[] hiddenOut;

    public Workspace(int l, int b) {
      this.l = l;
      this.b = b;
      this.directions = 8 * l + 1;
      state = new double[2 * l * b];
      jacobian = new double[b * l * 2 * directions];
      inputJacobian = new double[directions];
      ypred = new double[b];
      hiddenOut = new double[b];
    }
  }

  /**
   * Adds the gradient of {@link Lstm#objective} into {@code mainGrad} and {@code extraGrad} and
   * returns the loss.
   */
  public static double objective(int l, int c, int b, double[] mainParams, double[] extraParams,
      double[] state0, double[] sequence, double[] mainGrad, double[] extraGrad, Workspace ws) {
    int dirs = ws.directions;
    int inWeight = dirs - 1;
    double[] state = ws.state;
    double[] jac = ws.jacobian;
    double[] du = ws.inputJacobian;
    double[] ypred = ws.ypred;
    double[] hiddenOut = ws.hiddenOut;
    System.arraycopy(state0, 0, state, 0, state.length);
    java.util.Arrays.fill(jac, 0.0);
    double count = (double) b * (c - 1);
    double total = 0;
    for (int t = 0; t < c - 1; t++) {
      int in = t * b;
      for (int pos = 0; pos < b; pos++) {
        double x = sequence[in + pos];
        double u = x * extraParams[pos];
        java.util.Arrays.fill(du, 0.0);
        du[inWeight] = x;
        double[] inputJac = du;
        int inputAt = 0;
        for (int k = 0; k < l; k++) {
          int w = 8 * b * k + pos;
          int h = 2 * b * k + pos;
          int dh = ((pos * l + k) * 2) * dirs;
          int dc = dh + dirs;
          double wF = mainParams[w];
          double wI = mainParams[w + b];
          double wO = mainParams[w + 2 * b];
          double wC = mainParams[w + 3 * b];
          double hOld = state[h];
          double cOld = state[h + b];
          double forget = Lstm.sigmoid(u * wF + mainParams[w + 4 * b]);
          double ingate = Lstm.sigmoid(hOld * wI + mainParams[w + 5 * b]);
          double outgate = Lstm.sigmoid(u * wO + mainParams[w + 6 * b]);
          double change = Math.tanh(hOld * wC + mainParams[w + 7 * b]);
          double cell = cOld * forget + ingate * change;
          double tc = Math.tanh(cell);
          double hidden = outgate * tc;
          state[h + b] = cell;
          state[h] = hidden;
          double sF = forget * (1 - forget);
          double sI = ingate * (1 - ingate);
          double sO = outgate * (1 - outgate);
          double sC = 1 - change * change;
          double sT = outgate * (1 - tc * tc);
          // Directions of layers above k are 0 here: visit layers 0..k and the input weight.
          int own = 8 * k;
          for (int p = 0; p < dirs; p++) {
            if (p == own + 8) {
              p = inWeight;
            }
            double dIn = inputJac[inputAt + p];
            double dHold = jac[dh + p];
            double daF = dIn * wF;
            double daI = dHold * wI;
            double daO = dIn * wO;
            double daC = dHold * wC;
            if (p >= own && p < own + 8) {
              switch (p - own) {
                case 0 -> daF += u;
                case 1 -> daI += hOld;
                case 2 -> daO += u;
                case 3 -> daC += hOld;
                case 4 -> daF += 1;
                case 5 -> daI += 1;
                case 6 -> daO += 1;
                default -> daC += 1;
              }
            }
            double dCell = jac[dc + p] * forget + cOld * sF * daF + change * sI * daI
                + ingate * sC * daC;
            jac[dc + p] = dCell;
            jac[dh + p] = tc * sO * daO + sT * dCell;
          }
          u = hidden;
          inputJac = jac;
          inputAt = dh;
        }
        hiddenOut[pos] = u;
        ypred[pos] = u * extraParams[b + pos] + extraParams[2 * b + pos];
      }
      double sumExp = 0;
      for (int i = 0; i < b; i++) {
        sumExp += Math.exp(ypred[i]);
      }
      double lse = Math.log(sumExp + 2);
      int gold = (t + 1) * b;
      double goldSum = 0;
      for (int i = 0; i < b; i++) {
        total += sequence[gold + i] * (ypred[i] - lse);
        goldSum += sequence[gold + i];
      }
      // ∂loss/∂ypred[i] = -(gold_i - Σ gold · softmax_i) / count, softmax_i = e^y_i / (Σe^y + 2)
      for (int pos = 0; pos < b; pos++) {
        double gy = -(sequence[gold + pos] - goldSum * Math.exp(ypred[pos]) / (sumExp + 2))
            / count;
        double outWeight = extraParams[b + pos];
        int dLast = ((pos * l + l - 1) * 2) * dirs;
        double scale = gy * outWeight;
        for (int k = 0; k < l; k++) {
          for (int q = 0; q < 8; q++) {
            mainGrad[8 * b * k + q * b + pos] += scale * jac[dLast + 8 * k + q];
          }
        }
        extraGrad[pos] += scale * jac[dLast + inWeight];
        extraGrad[b + pos] += gy * hiddenOut[pos];
        extraGrad[2 * b + pos] += gy;
      }
    }
    return -total / count;
  }
}
