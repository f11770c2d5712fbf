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

  /** {@code a * b}; a seed of exactly 1 is left out. */
  public static Expr times(Expr a, Expr b) {
    if (a instanceof Expr.Literal l && l.text().equals("1.0")) {
      return b;
    }
    return new Expr.Binary(BinaryOp.TIMES, a, b, IrType.DOUBLE, null);
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
