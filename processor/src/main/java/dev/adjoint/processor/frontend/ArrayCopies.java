package dev.adjoint.processor.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * Lowers the JDK's array copies into element loops with the JDK's own checks: {@code clone()},
 * {@code Arrays.copyOf} and {@code Arrays.copyOfRange} as a local array's initializer,
 * {@code Arrays.fill} and {@code System.arraycopy} as statements; and holds array expressions
 * stable ({@link #stableArray}) for them and for for-each loops.
 */
final class ArrayCopies {
  private final LoweringContext context;
  private final MethodProblems problems;
  private final ExpressionLowering expressions;
  private final ExecutableElement element;
  private final ArrayCopyValues copyOf;

  ArrayCopies(LoweringContext context) {
    this.context = context;
    this.problems = context.problems();
    this.expressions = context.expressions();
    this.element = context.method();
    this.copyOf = new ArrayCopyValues(context, this);
  }
  /**
   * {@code double[] y = x.clone();}: a fresh array, {@code new double[x.length]}, and a loop
   * copying the elements, so that {@code y} aliases nothing. False, with nothing lowered, when
   * {@code x} is not a one-dimensional array; the call is then lowered, and reported, as an
   * expression.
   */
  boolean arrayCopy(VariableTree v, IrType type, ExpressionTree sourceTree,
      List<Stmt> out) {
    if (expressions.peekType(sourceTree).kind() != type.kind()
        || type.kind() == IrType.Kind.DOUBLE_MATRIX) {
      return false;
    }
    Expr source = stableArray(expressions.lower(sourceTree, out), out);
    if (source == null) {
      problems.error(v.getInitializer(), Problem.ARRAY_COPY,
          "clone() is supported on an array variable or a row"
          + " m[i]; assign the array to a local first");
      context.declareLocal(v, type);
      return true;
    }
    Variable copy = context.declareLocal(v, type);
    out.add(new Stmt.Assign(copy, new Expr.NewArray(type,
        List.of(new Expr.ArrayLength(source, sourceTree)), v.getInitializer()), true, v));
    Variable index = context.newTemporary("k", IrType.INT, v);
    Expr condition = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.LESS,
        new Expr.VarRef(index), new Expr.ArrayLength(new Expr.VarRef(copy), v), IrType.BOOLEAN,
        v);
    Stmt write = new Stmt.ArrayWrite(new Expr.VarRef(copy, v), new Expr.VarRef(index),
        new Expr.ArrayRead(source, new Expr.VarRef(index), type.elementType(), sourceTree), v);
    out.add(CountedLoops.fromZero(index, condition, List.of(write), v));
    return true;
  }

  // ------------------------------------------------------------- JDK array utilities

  /**
   * {@code x} when {@code tree} is {@code Arrays.copyOf(x, n)} or
   * {@code Arrays.copyOfRange(x, from, to)}, else null.
   */
  ExpressionTree copyOfSource(ExpressionTree tree) {
    if (tree instanceof MethodInvocationTree call) {
      String utility = context.names().jdkArrayUtility(call);
      int arity = "Arrays.copyOf".equals(utility) ? 2
          : "Arrays.copyOfRange".equals(utility) ? 3 : -1;
      if (call.getArguments().size() == arity) {
        return call.getArguments().get(0);
      }
    }
    return null;
  }

  static boolean isCopiedArray(IrType type) {
    return type.kind() == IrType.Kind.DOUBLE_ARRAY || type.kind() == IrType.Kind.INT_ARRAY;
  }

  /** Whether an argument of this type converts to an {@code int} parameter. */
  private static boolean isIntLike(IrType type) {
    return switch (type.kind()) {
      case BYTE, SHORT, CHAR, INT -> true;
      default -> false;
    };
  }

  /** Whether every argument from {@code from} on converts to {@code int}. */
  boolean intArguments(MethodInvocationTree call, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isIntLike(expressions.peekType(call.getArguments().get(i)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code value} evaluated once, now: a literal as it is, anything else into a temporary of
   * {@code type} (converted to it first, as passing it to the JDK method would).
   */
  Expr once(String base, Expr value, IrType type, Tree tree, List<Stmt> out) {
    Expr converted = value.type().equals(type) ? value : new Expr.Cast(type, value, tree);
    if (value instanceof Expr.Literal && value.type().equals(type)) {
      return value;
    }
    Variable held = context.newTemporary(base, type, tree);
    out.add(new Stmt.Assign(held, converted, true, tree));
    return new Expr.VarRef(held, tree);
  }

  static Expr binary(dev.adjoint.processor.ir.BinaryOp op, Expr a, Expr b, Tree tree) {
    IrType type = op.isComparisonOrLogical() ? IrType.BOOLEAN : IrType.INT;
    return new Expr.Binary(op, a, b, type, tree);
  }

  static Expr minInt(Expr a, Expr b, Tree tree) {
    return new Expr.Conditional(binary(dev.adjoint.processor.ir.BinaryOp.LESS, a, b, tree), a, b,
        IrType.INT, tree);
  }

  /** {@code if (condition) throw new E();}, the check a JDK method makes before it copies. */
  private void throwIf(Expr condition, String errorClass, Tree tree, List<Stmt> out) {
    Stmt thrown = new Stmt.Throw(context.calls().newError(errorClass, tree), tree);
    out.add(new Stmt.If(condition, new Stmt.Block(null, List.of(thrown), tree),
        new Stmt.Block(null, List.of(), tree), tree));
  }

  /**
   * The JDK's checks of a range {@code [from, to)}: IllegalArgumentException when
   * {@code from > to}, ArrayIndexOutOfBoundsException when {@code from < 0} or
   * {@code last > length} ({@code last} is {@code from} for copyOfRange, {@code to} for fill).
   */
  void checkRange(Expr from, Expr to, Expr last, Expr length, Tree call,
      List<Stmt> out) {
    throwIf(binary(dev.adjoint.processor.ir.BinaryOp.GREATER, from, to, call),
        "java.lang.IllegalArgumentException", call, out);
    throwIf(binary(dev.adjoint.processor.ir.BinaryOp.OR,
        binary(dev.adjoint.processor.ir.BinaryOp.LESS, from, Expr.Literal.ofInt(0), call),
        binary(dev.adjoint.processor.ir.BinaryOp.GREATER, last, length, call), call),
        "java.lang.ArrayIndexOutOfBoundsException", call, out);
  }

  /**
   * {@code for (int k = 0; k < count; k++) target[targetStart + k] = source[sourceStart + k]},
   * or, {@code backward}, the same copies from the last to the first (index
   * {@code start + count - 1 - k}). {@code source} null writes {@code value} instead.
   */
  Stmt copyLoop(Expr target, Expr targetStart, Expr source, Expr sourceStart,
      Expr value, Expr count, boolean backward, Tree tree) {
    Variable index = context.newTemporary("k", IrType.INT, tree);
    Expr condition = binary(dev.adjoint.processor.ir.BinaryOp.LESS, new Expr.VarRef(index),
        count, tree);
    Expr offset = new Expr.VarRef(index, tree);
    if (backward) {
      offset = binary(dev.adjoint.processor.ir.BinaryOp.MINUS,
          binary(dev.adjoint.processor.ir.BinaryOp.MINUS, count, Expr.Literal.ofInt(1), tree),
          offset, tree);
    }
    Expr element = value;
    if (source != null) {
      element = new Expr.ArrayRead(source, shifted(sourceStart, offset, tree),
          source.type().elementType(), tree);
    }
    Stmt write = new Stmt.ArrayWrite(target, shifted(targetStart, offset, tree), element, tree);
    return CountedLoops.fromZero(index, condition, List.of(write), tree);
  }

  private static Expr shifted(Expr start, Expr offset, Tree tree) {
    if (start instanceof Expr.Literal l && l.text().equals("0")) {
      return offset;
    }
    return binary(dev.adjoint.processor.ir.BinaryOp.PLUS, start, offset, tree);
  }

  /**
   * {@code double[] y = Arrays.copyOf(x, n);} and {@code Arrays.copyOfRange(x, from, to)}: a
   * fresh array of the new length and a loop copying the elements {@code x} has there (the rest
   * stay zero), with the JDK's checks. False, with nothing lowered, when the arguments are not
   * a {@code double[]} or {@code int[]} of the declared type and ints; the call is then lowered,
   * and reported, as an expression.
   */
  boolean arrayCopyOf(VariableTree v, IrType type, MethodInvocationTree call,
      List<Stmt> out) {
    if (!copyOf.copiesAs(type, call)) {
      return false;
    }
    if (!copyOf.copyInto(type, call, () -> context.declareLocal(v, type), v, out)) {
      context.declareLocal(v, type);
    }
    return true;
  }

  /** See {@link ArrayCopyValues#arrayCopyValue}. */
  Expr arrayCopyValue(MethodInvocationTree call, List<Stmt> out) {
    return copyOf.arrayCopyValue(call, out);
  }

  /**
   * {@code Arrays.fill(z, [from, to,] v)} and {@code System.arraycopy(src, sp, dst, dp, n)} as
   * statements writing into a local {@code double[]} or {@code int[]} (or a row of a local
   * matrix): loops of element writes, after the JDK's checks. False, with nothing lowered, for
   * any other call, or other argument types; the call is then lowered, and reported, as an
   * expression.
   */
  boolean arrayUtilityStatement(MethodInvocationTree call, List<Stmt> out) {
    String utility = context.names().jdkArrayUtility(call);
    List<? extends ExpressionTree> args = call.getArguments();
    if ("Arrays.fill".equals(utility) && (args.size() == 2 || args.size() == 4)) {
      IrType array = expressions.peekType(args.get(0));
      IrType value = expressions.peekType(args.get(args.size() - 1));
      boolean converts = array.kind() == IrType.Kind.DOUBLE_ARRAY
          ? value.isNumeric() : isIntLike(value);
      if (!isCopiedArray(array) || !converts || !intArguments(call, 1, args.size() - 1)) {
        return false;
      }
      fill(call, array, out);
      return true;
    }
    if ("System.arraycopy".equals(utility) && args.size() == 5) {
      IrType source = expressions.peekType(args.get(0));
      IrType target = expressions.peekType(args.get(2));
      if (!isCopiedArray(source) || source.kind() != target.kind()
          || !isIntLike(expressions.peekType(args.get(1)))
          || !intArguments(call, 3, 5)) {
        return false;
      }
      arraycopy(call, out);
      return true;
    }
    return false;
  }

  /**
   * The array written by {@code Arrays.fill} or {@code System.arraycopy}, held so that it is
   * the same array at every write; null after an error (an array that is not local).
   */
  private Expr writtenArray(String method, ExpressionTree tree, List<Stmt> out) {
    Expr lowered = expressions.lower(tree, out);
    if (ExpressionLowering.isPoison(lowered)) {
      return null;
    }
    Variable root = dev.adjoint.processor.ir.IrWalk.root(lowered);
    Expr array = stableArray(lowered, out);
    if (root == null || array == null) {
      problems.error(tree, Problem.FIELD_WRITE,
          method + " can write only into a local array (or a row m[i] of"
          + " one) in a @Differentiable method; assign the array to a local first");
      return null;
    }
    String parameterProblem = ParameterWrites.problem(root, array, element);
    if (parameterProblem != null) {
      problems.error(tree, Problem.PARAMETER_WRITE, parameterProblem);
      return null;
    }
    return array;
  }

  private void fill(MethodInvocationTree call, IrType arrayType, List<Stmt> out) {
    List<? extends ExpressionTree> args = call.getArguments();
    Expr array = writtenArray("Arrays.fill", args.get(0), out);
    boolean range = args.size() == 4;
    Expr from = range ? once("from", expressions.lower(args.get(1), out), IrType.INT, call, out)
        : Expr.Literal.ofInt(0);
    Expr to = range ? once("to", expressions.lower(args.get(2), out), IrType.INT, call, out)
        : null;
    Expr value = expressions.lower(args.get(args.size() - 1), out);
    if (array == null || ExpressionLowering.isPoison(value)) {
      return;
    }
    Expr held = once("fill", value, arrayType.elementType(), call, out);
    Expr count = new Expr.ArrayLength(array, args.get(0));
    if (range) {
      checkRange(from, to, to, new Expr.ArrayLength(array, args.get(0)), call, out);
      count = binary(dev.adjoint.processor.ir.BinaryOp.MINUS, to, from, call);
    }
    out.add(copyLoop(array, from, null, null, held, count, false, call));
  }

  private void arraycopy(MethodInvocationTree call, List<Stmt> out) {
    List<? extends ExpressionTree> args = call.getArguments();
    Expr sourceLowered = expressions.lower(args.get(0), out);
    Expr source = ExpressionLowering.isPoison(sourceLowered) ? null
        : stableArray(sourceLowered, out);
    if (source == null && !ExpressionLowering.isPoison(sourceLowered)) {
      problems.error(args.get(0), Problem.ARRAY_COPY,
          "System.arraycopy is supported from an array variable or a"
          + " row m[i]; assign the array to a local first");
    }
    Expr sourceStart = once("from", expressions.lower(args.get(1), out), IrType.INT, call, out);
    Expr target = writtenArray("System.arraycopy", args.get(2), out);
    Expr targetStart = once("to", expressions.lower(args.get(3), out), IrType.INT, call, out);
    Expr count = once("count", expressions.lower(args.get(4), out), IrType.INT, call, out);
    if (source == null || target == null) {
      return;
    }
    dev.adjoint.processor.ir.BinaryOp or = dev.adjoint.processor.ir.BinaryOp.OR;
    dev.adjoint.processor.ir.BinaryOp less = dev.adjoint.processor.ir.BinaryOp.LESS;
    dev.adjoint.processor.ir.BinaryOp greater = dev.adjoint.processor.ir.BinaryOp.GREATER;
    dev.adjoint.processor.ir.BinaryOp minus = dev.adjoint.processor.ir.BinaryOp.MINUS;
    Expr zero = Expr.Literal.ofInt(0);
    Expr outOfBounds = binary(or, binary(or, binary(or, binary(or,
        binary(less, count, zero, call), binary(less, sourceStart, zero, call), call),
        binary(less, targetStart, zero, call), call),
        binary(greater, sourceStart, binary(minus, new Expr.ArrayLength(source, args.get(0)),
            count, call), call), call),
        binary(greater, targetStart, binary(minus, new Expr.ArrayLength(target, args.get(2)),
            count, call), call), call);
    throwIf(outOfBounds, "java.lang.ArrayIndexOutOfBoundsException", call, out);
    // Java copies as if through a temporary array: with overlapping ranges of one array,
    // forward when the target starts at or before the source, else backward.
    Stmt forward = copyLoop(target, targetStart, source, sourceStart, null, count, false, call);
    Stmt backward = copyLoop(target, targetStart, source, sourceStart, null, count, true, call);
    out.add(new Stmt.If(binary(dev.adjoint.processor.ir.BinaryOp.LESS_EQUAL, targetStart,
        sourceStart, call), new Stmt.Block(null, List.of(forward), call),
        new Stmt.Block(null, List.of(backward), call), call));
  }

  /**
   * An array expression that evaluates to the same array however often it is evaluated: a
   * variable or field as it is, a row {@code m[i]} with its index evaluated once, now, into a
   * temporary (so that a later change of {@code i} does not change the row). Null for any other
   * expression.
   */
  Expr stableArray(Expr array, List<Stmt> out) {
    if (array instanceof Expr.VarRef || array instanceof Expr.FieldRef) {
      return array;
    }
    if (array instanceof Expr.ArrayRead read) {
      Expr inner = stableArray(read.array(), out);
      if (inner == null) {
        return null;
      }
      Expr index = read.index();
      if (!(index instanceof Expr.Literal)) {
        Variable fixed = context.newTemporary("row", index.type(), index.tree());
        out.add(new Stmt.Assign(fixed, index, true, index.tree()));
        index = new Expr.VarRef(fixed, index.tree());
      }
      return new Expr.ArrayRead(inner, index, read.type(), read.tree());
    }
    return null;
  }
}
