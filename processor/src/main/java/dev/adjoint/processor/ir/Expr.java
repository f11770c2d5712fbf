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

  /** Dispatches to the visitor method for this node. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of expression: every stage that dispatches over expressions implements
   * all of them, so a new node makes the compiler point at each stage that must handle it.
   */
  interface Visitor<R> {
    R visitLiteral(Literal node);

    R visitVarRef(VarRef node);

    R visitFieldRef(FieldRef node);

    R visitBinary(Binary node);

    R visitUnary(Unary node);

    R visitCast(Cast node);

    R visitConditional(Conditional node);

    R visitCall(Call node);

    R visitArrayRead(ArrayRead node);

    R visitArrayLength(ArrayLength node);

    R visitNewArray(NewArray node);

    R visitNewObject(NewObject node);

    R visitAdjointCall(AdjointCall node);

    R visitTangentCall(TangentCall node);

    R visitIntrinsic(Intrinsic node);
  }

  /** A literal, kept as the source text the generated code prints. */
  record Literal(IrType type, String text, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLiteral(this);
    }

    public static Literal ofDouble(double value) {
      return new Literal(IrType.DOUBLE, doubleText(value), null);
    }

    public static Literal ofInt(int value) {
      return new Literal(IrType.INT, Integer.toString(value), null);
    }

    public static Literal ofBoolean(boolean value) {
      return new Literal(IrType.BOOLEAN, Boolean.toString(value), null);
    }

    /** The null reference, of the type of whatever it is assigned to. */
    public static Literal ofNull() {
      return new Literal(IrType.NULL, "null", null);
    }

    /** A string literal: {@code text} quoted and escaped as Java source. */
    public static Literal ofString(String value) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : value.toCharArray()) {
        switch (c) {
          case '\b' -> out.append("\\b");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\f' -> out.append("\\f");
          case '\r' -> out.append("\\r");
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> out.append(Character.isISOControl(c)
              ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
      }
      return new Literal(IrType.STRING, out.append('"').toString(), null);
    }

    private static String doubleText(double value) {
      return Double.toString(value);
    }
  }

  /** A read of a variable. */
  record VarRef(Variable variable, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitVarRef(this);
    }

    public VarRef(Variable variable) {
      this(variable, null);
    }

    @Override
    public IrType type() {
      return variable.type();
    }
  }

  /** A read of a field: static when {@code receiver} is null. */
  record FieldRef(VariableElement field, Expr receiver, IrType type, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitFieldRef(this);
    }
  }

  /** A binary operator; string concatenation is {@link BinaryOp#CONCAT}. */
  record Binary(BinaryOp op, Expr left, Expr right, IrType type, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBinary(this);
    }

    public Binary(BinaryOp op, Expr left, Expr right) {
      this(op, left, right, left.type(), null);
    }
  }

  /** A unary operator. */
  record Unary(UnaryOp op, Expr operand, IrType type, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitUnary(this);
    }

    public Unary(UnaryOp op, Expr operand) {
      this(op, operand, operand.type(), null);
    }
  }

  /** A primitive conversion, {@code (int) a} or an implicit widening made explicit. */
  record Cast(IrType type, Expr operand, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCast(this);
    }
  }

  /** {@code condition ? whenTrue : whenFalse}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, IrType type, Tree tree)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitConditional(this);
    }
  }

  /**
   * A method call: static when {@code receiver} is null. {@code method} is the resolved
   * declaration; how it is differentiated is the derivative rules' business, not the front end's.
   */
  record Call(ExecutableElement method, Expr receiver, List<Expr> args, IrType type, Tree tree)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCall(this);
    }
  }

  /** {@code array[index]}; {@code array} is a variable, or a row {@code m[i]} of a matrix. */
  record ArrayRead(Expr array, Expr index, IrType type, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitArrayRead(this);
    }
  }

  /** {@code array.length}. */
  record ArrayLength(Expr array, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitArrayLength(this);
    }

    @Override
    public IrType type() {
      return IrType.INT;
    }
  }

  /** {@code new double[n]}, {@code new double[n][m]} or {@code new double[n][]}: zeros. */
  record NewArray(IrType type, List<Expr> dimensions, Tree tree) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNewArray(this);
    }
  }

  /** {@code new T(args)}: never differentiable, allowed only with inactive arguments. */
  record NewObject(TypeMirror objectType, List<Expr> args, IrType type, Tree tree)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNewObject(this);
    }
  }

  // ------------------------------------------------------------------ adjoint IR only

  /**
   * A call to the adjoint entry point generated for {@code callee}, with the arguments its
   * {@code AdjointAbi} lays out. Only the reverse transform builds it.
   */
  record AdjointCall(ExecutableElement callee, List<Expr> args, IrType type, Tree tree)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAdjointCall(this);
    }
  }

  /**
   * A call to the tangent entry point generated for {@code callee}, with the arguments its
   * {@code TangentAbi} lays out: it returns the value and stores the tangent into its last
   * argument. Only the tangent transformation builds it; the tangent IR is otherwise ordinary
   * method IR. With {@code ofAdjoint}, the call is to the tangent of the callee's adjoint entry
   * point ({@code TangentAbi.adjointLayout}), which forward over reverse calls.
   */
  record TangentCall(ExecutableElement callee, List<Expr> args, IrType type, Tree tree,
      boolean ofAdjoint) implements Expr {
    public TangentCall(ExecutableElement callee, List<Expr> args, IrType type, Tree tree) {
      this(callee, args, type, tree, false);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTangentCall(this);
    }
  }

  /** An operation of the runtime library the adjoint needs. Only transforms build it. */
  record Intrinsic(Op op, List<Expr> args, IrType type, Tree tree) implements Expr {
    /** The operations; each says what its arguments are. */
    public enum Op {
      /** The empty scalar accumulator, for callees without differentiated scalars; no args. */
      NO_SCALARS,
      /** Zeroes the first {@code args[1]} slots of the accumulator {@code args[0]}. */
      CLEAR_SLOTS,
      /** A new zero adjoint with the shape of the array {@code args[0]}. */
      ZEROS_LIKE,
      /** The last value of type {@code type} pushed on the tape {@code args[0]}, popped. */
      POP,
      /** A new array equal to the array {@code args[0]}, element by element (one level). */
      COPY,
      /** A new, empty tape; no args. */
      NEW_TAPE,
      /** A new, empty computation graph titled {@code args[0]}, a string. */
      GRAPH_NEW,
      /**
       * Adds an input node named {@code args[1]} (a string) with value {@code args[2]} to the graph
       * {@code args[0]}; its number, an int.
       */
      GRAPH_INPUT,
      /**
       * Adds a node to the graph {@code args[0]}: name {@code args[1]} and description
       * {@code args[2]} (strings), value {@code args[3]}, then for its k = {@code args[4]} (an int
       * literal) inputs, their node numbers {@code args[5..5+k)} and the local partial derivatives
       * {@code args[5+k..5+2k)}; its number, an int.
       */
      GRAPH_NODE,
      /**
       * Propagates adjoints back over the graph {@code args[0]} from its node {@code args[1]},
       * seeded with 1; the graph itself, adjoints filled in.
       */
      GRAPH_BACKWARD,
      /**
       * Pushes every element of the array {@code args[1]} (double[], double[][] or int[]) on the
       * tape {@code args[0]}: what a call that may write into it destroys; void.
       */
      PUSH_ELEMENTS,
      /** Pops into the array {@code args[1]} what {@link #PUSH_ELEMENTS} pushed; void. */
      POP_ELEMENTS,
      /**
       * Reserves on the tape {@code args[0]} the doubles a counted loop records, {@code args[1]}
       * (an int literal) in each of its {@code args[2]} iterations; the index of the first in
       * {@link #DOUBLE_ARRAY}, an int.
       */
      RESERVE_DOUBLES,
      /** Drops the block {@link #RESERVE_DOUBLES} reserved, with the same arguments; void. */
      RELEASE_DOUBLES,
      /** The array holding the doubles on the tape {@code args[0]}, a double[]. */
      DOUBLE_ARRAY,
      /** The number of doubles on the tape {@code args[0]}, an int. */
      DOUBLE_COUNT
    }

    public Intrinsic(Op op, List<Expr> args, IrType type) {
      this(op, args, type, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIntrinsic(this);
    }
  }
}
