package dev.adjoint.processor.rules;

import static dev.adjoint.processor.rules.MathCalls.compare;
import static dev.adjoint.processor.rules.MathCalls.num;
import static dev.adjoint.processor.rules.MathCalls.when;

import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The runtime's piecewise partials written out as selects instead of calls. {@code
 * Activations.reluDerivative(x)} is {@code x > 0 ? 1 : 0}; as a call, the reverse sweep multiplies
 * the seed by it, and the JIT cannot drop that product. As the select {@code x > 0.0 ? 1.0 : 0.0}
 * it meets {@link MathCalls#times}, which turns {@code seed * (x > 0.0 ? 1.0 : 0.0)} into {@code
 * x > 0.0 ? seed : 0.0}. Each expression here is exactly the body of the runtime method it stands
 * for ({@code ActivationsSelectTest} checks them against each other), so the values only differ
 * where a product with 0 would have turned an infinite or NaN seed into NaN: the select gives 0.
 * Only the runtime's own declarations are replaced; a user's {@code @Partial} stays a call.
 */
final class RuntimeSelects {
  private static final String ACTIVATIONS = RuntimeTypes.PACKAGE + ".Activations";

  private RuntimeSelects() {}

  /** The select that the declared partial {@code partial} computes, when it is one of ours. */
  static Optional<Expr> inline(ExecutableElement partial, List<Expr> args) {
    if (!(partial.getEnclosingElement() instanceof TypeElement owner)
        || !owner.getQualifiedName().contentEquals(ACTIVATIONS)) {
      return Optional.empty();
    }
    Expr positive = args.isEmpty() ? null : compare(BinaryOp.GREATER, args.get(0), num(0));
    return switch (partial.getSimpleName().toString()) {
      case "reluDerivative" -> Optional.of(when(positive, num(1), num(0)));
      case "leakyReluDerivative" -> Optional.of(when(positive, num(1), args.get(1)));
      case "leakyReluSlopeDerivative" -> Optional.of(when(positive, num(0), args.get(0)));
      default -> Optional.empty();
    };
  }
}
