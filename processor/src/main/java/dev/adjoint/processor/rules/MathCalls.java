package dev.adjoint.processor.rules;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.UnaryOp;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Builds the double-typed expressions that derivative rules are written in. */
public final class MathCalls {
  private final TypeElement math;

  public MathCalls(Elements elements) {
    this.math = elements.getTypeElement("java.lang.Math");
  }

  /** {@code Math.name(args)}, the overload taking doubles. */
  public Expr math(String name, Expr... args) {
    for (ExecutableElement m : ElementFilter.methodsIn(math.getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(name) && m.getParameters().size() == args.length
          && m.getParameters().stream().allMatch(p -> p.asType().getKind() == TypeKind.DOUBLE)) {
        return new Expr.Call(m, null, List.of(args), IrType.DOUBLE, null);
      }
    }
    throw new IllegalArgumentException("no Math." + name + " over doubles");
  }

  public static Expr num(double value) {
    return Expr.Literal.ofDouble(value);
  }

  public static Expr plus(Expr a, Expr b) {
    return new Expr.Binary(BinaryOp.PLUS, a, b, IrType.DOUBLE, null);
  }

  public static Expr minus(Expr a, Expr b) {
    return new Expr.Binary(BinaryOp.MINUS, a, b, IrType.DOUBLE, null);
  }

  /**
   * {@code a * b}; a seed of exactly 1 is left out, and a product with a select one of whose
   * branches is the literal 0 or 1 becomes a select of products ({@code a * (c ? 1.0 : 0.0)} is
   * {@code c ? a : 0.0}): the reverse sweep of a ReLU or a max then chooses its adjoint instead of
   * multiplying it by 0 or 1. Only a side-effect free {@code a} is moved under the condition.
   */
  public static Expr times(Expr a, Expr b) {
    if (isLiteral(a, "1.0")) {
      return b;
    }
    if (b instanceof Expr.Conditional c && c.type().equals(IrType.DOUBLE) && isPlain(a)
        && (isZeroOrOne(c.whenTrue()) || isZeroOrOne(c.whenFalse()))) {
      return new Expr.Conditional(c.condition(), scaled(a, c.whenTrue()),
          scaled(a, c.whenFalse()), IrType.DOUBLE, null);
    }
    return new Expr.Binary(BinaryOp.TIMES, a, b, IrType.DOUBLE, null);
  }

  /** {@code a * b} where {@code b} is a branch of a select: 0 and 1 need no product. */
  private static Expr scaled(Expr a, Expr b) {
    if (isLiteral(b, "0.0")) {
      return b;
    }
    return isLiteral(b, "1.0") ? a : times(a, b);
  }

  private static boolean isZeroOrOne(Expr e) {
    return isLiteral(e, "0.0") || isLiteral(e, "1.0");
  }

  private static boolean isLiteral(Expr e, String text) {
    return e instanceof Expr.Literal l && l.type().equals(IrType.DOUBLE) && l.text().equals(text);
  }

  /** Reads and arithmetic only: evaluating it under a condition, or not at all, changes nothing. */
  private static boolean isPlain(Expr e) {
    if (e instanceof Expr.Unary u) {
      return isPlain(u.operand());
    }
    if (e instanceof Expr.Binary b) {
      return isPlain(b.left()) && isPlain(b.right());
    }
    return e instanceof Expr.Literal || e instanceof Expr.VarRef;
  }

  public static Expr div(Expr a, Expr b) {
    return new Expr.Binary(BinaryOp.DIVIDE, a, b, IrType.DOUBLE, null);
  }

  public static Expr neg(Expr a) {
    return new Expr.Unary(UnaryOp.NEGATE, a, IrType.DOUBLE, null);
  }

  public static Expr when(Expr condition, Expr whenTrue, Expr whenFalse) {
    return new Expr.Conditional(condition, whenTrue, whenFalse, IrType.DOUBLE, null);
  }

  public static Expr compare(BinaryOp op, Expr a, Expr b) {
    return new Expr.Binary(op, a, b, IrType.BOOLEAN, null);
  }
}
