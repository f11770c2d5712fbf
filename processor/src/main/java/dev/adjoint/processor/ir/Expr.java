package dev.adjoint.processor.ir;

import com.sun.source.tree.Tree;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * An IR expression: side-effect free apart from calls, typed by the front end. {@code tree} is the
 * source expression it came from (for diagnostics), or null for expressions the transformation
 * builds.
 */
public sealed interface Expr {

  IrType type();

  Tree tree();

  /** A literal, kept as the source text the generated code prints. */
  record Literal(IrType type, String text, Tree tree) implements Expr {
    public static Literal ofDouble(double value) {
      return new Literal(IrType.DOUBLE, doubleText(value), null);
    }

    public static Literal ofInt(int value) {
      return new Literal(IrType.INT, Integer.toString(value), null);
    }

    private static String doubleText(double value) {
      return Double.toString(value);
    }
  }

  /** A read of a variable. */
  record VarRef(Variable variable, Tree tree) implements Expr {
    public VarRef(Variable variable) {
      this(variable, null);
    }

    @Override
    public IrType type() {
      return variable.type();
    }
  }

  /** A read of a field: static when {@code receiver} is null. */
  record FieldRef(VariableElement field, Expr receiver, IrType type, Tree tree) implements Expr {}

  /** A binary operator; string concatenation is {@link BinaryOp#CONCAT}. */
  record Binary(BinaryOp op, Expr left, Expr right, IrType type, Tree tree) implements Expr {
    public Binary(BinaryOp op, Expr left, Expr right) {
      this(op, left, right, left.type(), null);
    }
  }

  /** A unary operator. */
  record Unary(UnaryOp op, Expr operand, IrType type, Tree tree) implements Expr {
    public Unary(UnaryOp op, Expr operand) {
      this(op, operand, operand.type(), null);
    }
  }

  /** A primitive conversion, {@code (int) a} or an implicit widening made explicit. */
  record Cast(IrType type, Expr operand, Tree tree) implements Expr {}

  /** {@code condition ? whenTrue : whenFalse}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, IrType type, Tree tree)
      implements Expr {}

  /**
   * A method call: static when {@code receiver} is null. {@code method} is the resolved
   * declaration; how it is differentiated is the derivative rules' business, not the front end's.
   */
  record Call(ExecutableElement method, Expr receiver, List<Expr> args, IrType type, Tree tree)
      implements Expr {}

  /** {@code array[index]}; {@code array} is a variable, or a row {@code m[i]} of a matrix. */
  record ArrayRead(Expr array, Expr index, IrType type, Tree tree) implements Expr {}

  /** {@code array.length}. */
  record ArrayLength(Expr array, Tree tree) implements Expr {
    @Override
    public IrType type() {
      return IrType.INT;
    }
  }

  /** {@code new double[n]}, {@code new double[n][m]} or {@code new double[n][]}: zeros. */
  record NewArray(IrType type, List<Expr> dimensions, Tree tree) implements Expr {}

  /** {@code new T(args)}: never differentiable, allowed only with inactive arguments. */
  record NewObject(TypeMirror objectType, List<Expr> args, IrType type, Tree tree)
      implements Expr {}
}
