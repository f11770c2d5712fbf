package dev.adjoint.bench;

import dev.adjoint.Differentiable;
import java.util.Random;

/**
 * ADBench's LSTM objective (microsoft/ADBench, {@code src/cpp/shared/lstm.h}:
 * {@code lstm_objective}), written from its definition as a Java user would write it for Adjoint
 * (differentiated into {@code LstmGrad}). Its hand-written gradient, after ADBench's
 * {@code src/cpp/modules/manual/lstm_d.cpp}, is {@link LstmHand}.
 *
 * <p>{@code l} stacked LSTM layers of width {@code b} (the bits of a character) whose gates are
 * element-wise, as in ADBench: unit {@code i} of a layer sees only element {@code i} of its input
 * and of its own hidden state. The model reads a sequence of {@code c} characters and predicts
 * the next one; the loss is the mean of {@code -gold · (prediction - logsumexp)} with ADBench's
 * {@code logsumexp(v) = log(Σ exp(v) + 2)}.
 */
public final class Lstm {
  private Lstm() {}

  /** ADBench's smallest published size ({@code lstm_l2_c1024}): 2 layers, 1024 characters. */
  public static final int LAYERS = 2;
  public static final int CHARS = 1024;
  /** Bits per character of ADBench's text extract. */
  public static final int BITS = 14;

  /**
   * The loss.
   *
   * @param l the number of layers
   * @param c the number of characters in {@code sequence}
   * @param b the width of a layer, the bits of a character
   * @param mainParams per layer {@code 8b} values: the forget, input, output and change gates'
   *     weights, then their biases ({@code b} each)
   * @param extraParams the input weights, the output weights and the output biases ({@code b}
   *     each)
   * @param state0 the initial state, per layer its hidden then its cell values ({@code b} each);
   *     not modified
   * @param sequence {@code c} characters of {@code b} bits each
   * @return the mean negative log-likelihood-style loss over the {@code c - 1} predictions
   */
  @Differentiable(wrt = {"mainParams", "extraParams"})
  public static double objective(int l, int c, int b, double[] mainParams, double[] extraParams,
      double[] state0, double[] sequence) {
    double[] state = new double[2 * l * b];
    for (int i = 0; i < state.length; i++) {
      state[i] = state0[i];
    }
    double[] ypred = new double[b];
    double total = 0;
    int count = 0;
    for (int t = 0; t < c - 1; t++) {
      int in = t * b;
      for (int i = 0; i < b; i++) {
        ypred[i] = sequence[in + i] * extraParams[i];
      }
      for (int layer = 0; layer < l; layer++) {
        int w = 8 * b * layer;
        int h = 2 * b * layer;
        for (int i = 0; i < b; i++) {
          double input = layer == 0 ? ypred[i] : state[h - 2 * b + i];
          double hidden = state[h + i];
          double forget = sigmoid(input * mainParams[w + i] + mainParams[w + 4 * b + i]);
          double ingate = sigmoid(hidden * mainParams[w + b + i] + mainParams[w + 5 * b + i]);
          double outgate = sigmoid(input * mainParams[w + 2 * b + i] + mainParams[w + 6 * b + i]);
          double change = Math.tanh(hidden * mainParams[w + 3 * b + i]
              + mainParams[w + 7 * b + i]);
          double cell = state[h + b + i] * forget + ingate * change;
          state[h + b + i] = cell;
          state[h + i] = outgate * Math.tanh(cell);
        }
      }
      int last = 2 * b * (l - 1);
      double sumExp = 0;
      for (int i = 0; i < b; i++) {
        ypred[i] = state[last + i] * extraParams[b + i] + extraParams[2 * b + i];
        sumExp += Math.exp(ypred[i]);
      }
      double lse = Math.log(sumExp + 2);
      int gold = (t + 1) * b;
      for (int i = 0; i < b; i++) {
        total += sequence[gold + i] * (ypred[i] - lse);
      }
      count += b;
    }
    return -total / count;
  }

  /** ADBench's sigmoid, {@code 1 / (1 + e^-x)}. */
  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** Inputs as ADBench's {@code gen_data.py} draws them: uniform(0, 1) parameters and state. */
  public static final class Inputs {
    public final int l;
    public final int c;
    public final int b;
    public final double[] mainParams;
    public final double[] extraParams;
    public final double[] state;
    /** Random bits in place of ADBench's text extract (same shape: {@code c × b} 0/1 values). */
    public final double[] sequence;

    /** The benchmark size, {@code lstm_l2_c1024}. */
    public Inputs() {
      this(LAYERS, CHARS, BITS, 2026);
    }

    public Inputs(int l, int c, int b, long seed) {
      this.l = l;
      this.c = c;
      this.b = b;
      Random rnd = new Random(seed);
      mainParams = uniform(rnd, 8 * l * b);
      extraParams = uniform(rnd, 3 * b);
      state = uniform(rnd, 2 * l * b);
      sequence = new double[c * b];
      for (int i = 0; i < sequence.length; i++) {
        sequence[i] = rnd.nextBoolean() ? 1 : 0;
      }
    }

    public int parameterCount() {
      return mainParams.length + extraParams.length;
    }

    private static double[] uniform(Random rnd, int n) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = rnd.nextDouble();
      }
      return v;
    }
  }
}
