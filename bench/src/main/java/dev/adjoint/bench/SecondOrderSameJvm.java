package dev.adjoint.bench;

import dev.adjoint.bench.SameJvm.Batch;
import dev.adjoint.bench.SameJvm.Box;
import dev.adjoint.bench.SameJvm.Form;
import dev.adjoint.bench.SameJvm.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hipparchus.analysis.differentiation.DSFactory;

/**
 * The second-order part of the same-JVM comparison (issue 14): primal, generated gradient,
 * generated tangent ({@code mTangent}), generated Hessian-vector product ({@code mHvp}),
 * hand-written HVP and Hipparchus' order-2 forward mode, in rotated rounds as in
 * {@link SameJvm} (a JVM per workload unless {@code --one-jvm}). Every form is the public API a
 * user calls (results allocated per call), so the ratios compare like with like; the
 * hand-written HVP reuses its output arrays, and so does {@code mHvpInto} (HVP into), which adds
 * into caller arrays the caller zeroes first (as the gradient's entry point in {@link SameJvm}).
 * HVP/hand HVP thus includes the allocation of the two result arrays (most of the gap at
 * p = 100 and 1000: fresh memory on every call), HVP into/hand HVP compares the same protocol.
 *
 * <p>{@link SameJvm} prints this table after its own; {@code main} prints only this one and takes
 * the same arguments.
 */
public final class SecondOrderSameJvm {
  private SecondOrderSameJvm() {}

  static final String PRIMAL = "primal";
  static final String GRADIENT = "gradient";
  static final String TANGENT = "tangent";
  static final String HVP = "HVP";
  static final String HVP_INTO = "HVP into";
  static final String HAND_HVP = "hand HVP";
  static final String HIPPARCHUS = "Hipparchus HVP";
  static final String[] FORMS = {PRIMAL, GRADIENT, TANGENT, HVP, HVP_INTO, HAND_HVP,
      HIPPARCHUS};
  /** Ratios reported per round: numerator and denominator form. */
  static final String[][] RATIOS = {{TANGENT, PRIMAL}, {HVP, GRADIENT}, {HVP, HAND_HVP},
      {HVP_INTO, HAND_HVP}, {HIPPARCHUS, HVP}};

  /** Hipparchus' DSFactory(p, 2) holds p(p+1)/2 second derivatives per number: small p only. */
  static final int HIPPARCHUS_MAX_P = 100;

  public static void main(String[] args) throws IOException {
    SameJvm.Options o = SameJvm.Options.parse(args);
    String text = SameJvm.preamble(o) + table(o);
    if (o.out() != null) {
      Files.writeString(Path.of(o.out()), text);
    }
  }

  /** The header of the table. */
  static String header() {
    StringBuilder sb = new StringBuilder();
    sb.append("Second order (issue 14): median over rounds (ns/op); ratios per round, then min /"
        + " **median** / max. gradient = `CGrad.m(…)`, tangent = `mTangent(…)`, HVP ="
        + " `mHvp(…)` (value, gradient and H·v), hand HVP = hand-written (value, gradient and"
        + " H·v), HVP into = `Arrays.fill` of the caller's two arrays then `mHvpInto(…)`,"
        + " Hipparchus HVP = `DSFactory(p, 2)` then H·v; – = not measured.\n\n");
    sb.append("| workload | size");
    for (String f : FORMS) {
      sb.append(" | ").append(f);
    }
    for (String[] r : RATIOS) {
      sb.append(" | ").append(r[0]).append('/').append(r[1]);
    }
    sb.append(" |\n|---|---");
    for (int i = 0; i < FORMS.length + RATIOS.length; i++) {
      sb.append("|--:");
    }
    return sb.append("|\n").toString();
  }

  /**
   * Measures the workloads whose name matches {@code o.include()}, printing rows as they come.
   *
   * @return the table, or "" when no workload matches
   */
  static String table(SameJvm.Options o) {
    List<Workload> all = workloads();
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (o.include().matcher(all.get(i).name()).find()) {
        chosen.add(i);
      }
    }
    if (chosen.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(header());
    System.out.print(sb);
    for (int i : chosen) {
      Workload w = all.get(i);
      String row = row(w, SameJvm.nsPerOp(RoundsChild.Table.SECOND_ORDER, i, w, o));
      System.out.print(row);
      sb.append(row);
    }
    return sb.toString();
  }

  static String row(Workload w, double[][] ns) {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(w.name()).append(" | ").append(w.size());
    for (String f : FORMS) {
      int j = index(w, f);
      sb.append(" | ").append(j < 0 ? "–" : Report.format(SameJvm.median(ns[j])));
    }
    for (String[] r : RATIOS) {
      int num = index(w, r[0]);
      int den = index(w, r[1]);
      sb.append(" | ").append(num < 0 || den < 0 ? "–" : SameJvm.spread(ns[num], ns[den]));
    }
    return sb.append(" |\n").toString();
  }

  static int index(Workload w, String form) {
    for (int j = 0; j < w.forms().size(); j++) {
      if (w.forms().get(j).name().equals(form)) {
        return j;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- workloads

  static List<Workload> workloads() {
    List<Workload> all = new ArrayList<>();
    for (int p : new int[] {10, 100, 1000}) {
      all.add(rosenbrock(p));
    }
    all.add(tanhNet());
    return all;
  }

  static Workload rosenbrock(int p) {
    Box<double[]> x = new Box<>(Inputs.rosenbrockPoint(p));
    double[] v = SecondOrderWorkloads.direction(p, 7);
    double[] grad = new double[p];
    double[] hv = new double[p];
    List<Form> forms = new ArrayList<>();
    forms.add(new Form(PRIMAL, reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        s += SecondOrderWorkloads.rosenbrock(x.v);
      }
      return s;
    }));
    forms.add(new Form(GRADIENT, reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        var r = SecondOrderWorkloadsGrad.rosenbrock(x.v);
        s += r.value() + r.x()[0];
      }
      return s;
    }));
    forms.add(new Form(TANGENT, reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        var r = SecondOrderWorkloadsGrad.rosenbrockTangent(x.v, v);
        s += r.value() + r.tangent();
      }
      return s;
    }));
    forms.add(new Form(HVP, reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        var r = SecondOrderWorkloadsGrad.rosenbrockHvp(x.v, v);
        s += r.value() + r.x()[0] + r.xHvp()[0];
      }
      return s;
    }));
    double[] none = new double[0];
    double[] gInto = new double[p];
    double[] hvInto = new double[p];
    forms.add(new Form(HVP_INTO, reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        java.util.Arrays.fill(gInto, 0.0);
        java.util.Arrays.fill(hvInto, 0.0);
        s += SecondOrderWorkloadsGrad.rosenbrockHvpInto(x.v, v, none, none, gInto, hvInto)
            + gInto[0] + hvInto[0];
      }
      return s;
    }));
    forms.add(new Form(HAND_HVP, reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        s += HandHvp.rosenbrock(x.v, v, grad, hv) + grad[0] + hv[0];
      }
      return s;
    }));
    if (p <= HIPPARCHUS_MAX_P) {
      DSFactory factory = new DSFactory(p, 2);
      forms.add(new Form(HIPPARCHUS, reps -> {
        double s = 0;
        for (int i = 0; i < reps; i++) {
          double[] r = HipparchusHvp.rosenbrock(factory, x.v, v);
          s += r[0] + r[1];
        }
        return s;
      }));
    }
    return new Workload("second-order Rosenbrock", "p = " + p, forms);
  }

  static Workload tanhNet() {
    Box<SecondOrderWorkloads.Net> net = new Box<>(new SecondOrderWorkloads.Net());
    SecondOrderWorkloads.Net shape = net.v;
    double[][] vw1 = new double[shape.w1.length][];
    for (int j = 0; j < vw1.length; j++) {
      vw1[j] = SecondOrderWorkloads.direction(shape.w1[j].length, 100 + j);
    }
    double[] vb1 = SecondOrderWorkloads.direction(shape.b1.length, 3);
    double[] vw2 = SecondOrderWorkloads.direction(shape.w2.length, 4);
    Batch primal = reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        var q = net.v;
        s += SecondOrderWorkloads.tanhNet(q.w1, q.b1, q.w2, q.xs, q.ys);
      }
      return s;
    };
    Batch gradient = reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        var q = net.v;
        var r = SecondOrderWorkloadsGrad.tanhNet(q.w1, q.b1, q.w2, q.xs, q.ys);
        s += r.value() + r.w2()[0];
      }
      return s;
    };
    Batch tangent = reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        var q = net.v;
        var r = SecondOrderWorkloadsGrad.tanhNetTangent(q.w1, q.b1, q.w2, q.xs, q.ys, vw1, vb1,
            vw2);
        s += r.value() + r.tangent();
      }
      return s;
    };
    Batch hvp = reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        var q = net.v;
        var r = SecondOrderWorkloadsGrad.tanhNetHvp(q.w1, q.b1, q.w2, q.xs, q.ys, vw1, vb1, vw2);
        s += r.value() + r.w2()[0] + r.w2Hvp()[0];
      }
      return s;
    };
    return new Workload("second-order tanh MLP (8-16-1, batch 32)",
        "p = " + shape.parameterCount(), List.of(new Form(PRIMAL, primal),
            new Form(GRADIENT, gradient), new Form(TANGENT, tangent), new Form(HVP, hvp)));
  }
}
