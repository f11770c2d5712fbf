package dev.adjoint.processor;

import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.SourceVersion;

/**
 * The processor's {@code -A} options.
 *
 * @param graph whether every public method gets an {@code mGraph} method ({@code
 *     -Aadjoint.graph}, default {@code false}: graphs are for inspection, and most gradients are
 *     never graphed, so only methods annotated {@code @Differentiable(graph = true)} get one)
 * @param suffix the generated class's suffix ({@code -Aadjoint.suffix}, default {@code Grad})
 * @param summary whether each generated class is reported in a one-line NOTE
 *     ({@code -Aadjoint.summary}, default {@code false})
 * @param modes what methods without {@code modes} of their own get besides the gradient
 *     ({@code -Aadjoint.modes=gradient,tangent,hessian,jacobian}, default gradient only)
 */
record ProcessorOptions(boolean graph, String suffix, boolean summary, Set<String> modes) {
  static final String GRAPH = "adjoint.graph";
  static final String SUFFIX = "adjoint.suffix";
  static final String SUMMARY = "adjoint.summary";
  static final String MODES = "adjoint.modes";
  static final Set<String> NAMES = Set.of(GRAPH, SUFFIX, SUMMARY, MODES);
  /** The modes, as {@code -Aadjoint.modes} and {@code dev.adjoint.Mode} spell them. */
  static final List<String> ALL_MODES = List.of("GRADIENT", "TANGENT", "HESSIAN", "JACOBIAN");
  static final ProcessorOptions DEFAULTS =
      new ProcessorOptions(false, "Grad", false, Set.of("GRADIENT"));

  /** Reads the options, reporting a malformed one as an error and using its default instead. */
  static ProcessorOptions read(Map<String, String> options, Messager messager) {
    boolean graph = flag(options, GRAPH, DEFAULTS.graph(), messager);
    boolean summary = flag(options, SUMMARY, DEFAULTS.summary(), messager);
    String suffix = options.get(SUFFIX);
    if (suffix == null) {
      suffix = DEFAULTS.suffix();
    } else if (suffix.isEmpty() || !SourceVersion.isIdentifier("A" + suffix)
        || SourceVersion.isKeyword("A" + suffix)) {
      Diagnostics.error(messager, Problem.INVALID_OPTION, "-A" + SUFFIX + "=" + suffix
          + " is not a valid class-name suffix: use letters, digits, _ or $, as in"
          + " -A" + SUFFIX + "=Grad");
      suffix = DEFAULTS.suffix();
    }
    return new ProcessorOptions(graph, suffix, summary, modes(options.get(MODES), messager));
  }

  private static Set<String> modes(String value, Messager messager) {
    if (value == null) {
      return DEFAULTS.modes();
    }
    Set<String> modes = new java.util.LinkedHashSet<>();
    modes.add("GRADIENT");
    for (String part : value.split(",")) {
      String mode = part.strip().toUpperCase(java.util.Locale.ROOT);
      if (ALL_MODES.contains(mode)) {
        modes.add(mode);
      } else {
        Diagnostics.error(messager, Problem.INVALID_OPTION, "-A" + MODES + "=" + value + " names '"
            + part.strip() + "', which is not a mode; use a comma-separated list of gradient,"
            + " tangent, hessian and jacobian, as in -A" + MODES + "=gradient,tangent");
        return DEFAULTS.modes();
      }
    }
    return Set.copyOf(modes);
  }

  private static boolean flag(Map<String, String> options, String name, boolean fallback,
      Messager messager) {
    if (!options.containsKey(name)) {
      return fallback;
    }
    // -Aadjoint.summary alone (no =value) turns a flag on.
    String value = options.get(name);
    if (value == null || value.isEmpty() || value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    Diagnostics.error(messager, Problem.INVALID_OPTION, "-A" + name + "=" + value
        + " must be true or false");
    return fallback;
  }
}
