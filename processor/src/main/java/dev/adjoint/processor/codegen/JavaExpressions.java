package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.UnaryOp;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;

/**
 * Prints IR expressions as Java source with the fewest parentheses that keep the IR's exact
 * evaluation order (floating-point addition is not associative, so neither is the printer).
 */
public final class JavaExpressions {
  private static final int PRIMARY = Precedence.PRIMARY;
  private static final int PREFIX = Precedence.PREFIX;
  private static final int CONDITIONAL = Precedence.CONDITIONAL;

  private final NameTable names;
  private final Function<TypeElement, ClassName> generatedClass;

  /**
   * @param names the names of the variables in generated code
   * @param generatedClass the class generated for a class, which holds copies of its private
   *     methods and tables, and its adjoints
   */
  public JavaExpressions(NameTable names, Function<TypeElement, ClassName> generatedClass) {
    this.names = names;
    this.generatedClass = generatedClass;
  }

  /** A printer of expressions named by {@code names}. */
  public static JavaExpressions plain(NameTable names,
      Function<TypeElement, ClassName> generatedClass) {
    return new JavaExpressions(names, generatedClass);
  }

  public CodeBlock print(Expr e) {
    return print(e, 0);
  }

  /** {@code e} as the operand of a member access: parenthesised unless primary. */
  public CodeBlock printPrimary(Expr e) {
    return print(e, PRIMARY);
  }

  private CodeBlock print(Expr e, int context) {
    if (e instanceof Expr.Cast c && isIdentity(c)) {
      // (double) a of a double a: javac's -Xlint:cast calls it redundant; the value is the same.
      return print(c.operand(), context);
    }
    int own = Precedence.of(e);
    CodeBlock body = printBare(e);
    return own < context ? CodeBlock.of("($L)", body) : body;
  }

  /**
   * Whether a cast converts a primitive to its own type, judged only where the operand's Java type
   * is certain: a variable (declared with its IR type), a method's result, or another cast.
   */
  private static boolean isIdentity(Expr.Cast c) {
    IrType.Kind target = c.type().kind();
    if (target.compareTo(IrType.Kind.DOUBLE) > 0) {
      return false;
    }
    Expr operand = c.operand();
    if (operand instanceof Expr.VarRef r) {
      return r.variable().type().kind() == target;
    }
    if (operand instanceof Expr.Cast inner) {
      return inner.type().kind() == target;
    }
    if (operand instanceof Expr.Call call) {
      return call.method().getReturnType().getKind().isPrimitive()
          && call.method().getReturnType().getKind().name().equals(target.name());
    }
    return false;
  }

  private CodeBlock printBare(Expr e) {
    return e.accept(bare);
  }

  /** Each expression without parentheses around itself; operands parenthesised as needed. */
  private final Expr.Visitor<CodeBlock> bare = new Expr.Visitor<>() {
    @Override
    public CodeBlock visitLiteral(Expr.Literal l) {
      return CodeBlock.of("$L", l.text());
    }

    @Override
    public CodeBlock visitVarRef(Expr.VarRef r) {
      return CodeBlock.of("$N", names.of(r.variable()));
    }

    @Override
    public CodeBlock visitFieldRef(Expr.FieldRef f) {
      return field(f);
    }

    @Override
    public CodeBlock visitBinary(Expr.Binary b) {
      int p = b.op().precedence();
      // Left-associative: a right operand of equal precedence keeps its parentheses.
      return CodeBlock.of("$L $L $L", print(b.left(), p), b.op().symbol(), print(b.right(), p + 1));
    }

    @Override
    public CodeBlock visitUnary(Expr.Unary u) {
      CodeBlock operand = print(u.operand(), PREFIX);
      boolean clash = (u.op() == UnaryOp.NEGATE || u.op() == UnaryOp.PLUS)
          && operand.toString().startsWith(u.op().symbol());
      return clash ? CodeBlock.of("$L($L)", u.op().symbol(), operand)
          : CodeBlock.of("$L$L", u.op().symbol(), operand);
    }

    @Override
    public CodeBlock visitCast(Expr.Cast c) {
      return CodeBlock.of("($T) $L", typeName(c.type()), print(c.operand(), PREFIX));
    }

    @Override
    public CodeBlock visitConditional(Expr.Conditional c) {
      return CodeBlock.of("$L ? $L : $L", print(c.condition(), CONDITIONAL + 1),
          print(c.whenTrue(), 0), print(c.whenFalse(), CONDITIONAL));
    }

    @Override
    public CodeBlock visitCall(Expr.Call c) {
      CodeBlock args = arguments(c.args());
      if (c.receiver() != null) {
        return CodeBlock.of("$L.$N($L)", print(c.receiver(), PRIMARY), c.method().getSimpleName(),
            args);
      }
      TypeElement owner = (TypeElement) c.method().getEnclosingElement();
      if (dev.adjoint.processor.ir.Visibility.isPrivate(c.method())
          || !c.method().getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
          || dev.adjoint.processor.abi.CalleeRecords.flattensArguments(c.method())) {
        // Generated code cannot call a private method, nor a method on a record's components
        // (its receiver's, or a record argument's): it calls the copy beside the gradients.
        return CodeBlock.of("$T.$N($L)", generatedClass.apply(owner),
            primalCopyName(c.method()), args);
      }
      return CodeBlock.of("$T.$N($L)", ClassName.get(owner), c.method().getSimpleName(), args);
    }

    @Override
    public CodeBlock visitArrayRead(Expr.ArrayRead a) {
      return CodeBlock.of("$L[$L]", print(a.array(), PRIMARY), print(a.index(), 0));
    }

    @Override
    public CodeBlock visitArrayLength(Expr.ArrayLength l) {
      return CodeBlock.of("$L.length", print(l.array(), PRIMARY));
    }

    @Override
    public CodeBlock visitNewArray(Expr.NewArray n) {
      String base = switch (n.type().kind()) {
        case INT_ARRAY -> "int";
        case BOOLEAN_ARRAY -> "boolean";
        default -> "double";
      };
      CodeBlock.Builder b = CodeBlock.builder().add("new $L", base);
      for (Expr d : n.dimensions()) {
        b.add("[$L]", print(d, 0));
      }
      if (n.type().kind() == IrType.Kind.DOUBLE_MATRIX && n.dimensions().size() == 1) {
        b.add("[]");
      }
      return b.build();
    }

    @Override
    public CodeBlock visitNewObject(Expr.NewObject n) {
      return CodeBlock.of("new $T($L)", TypeName.get(n.objectType()), arguments(n.args()));
    }

    @Override
    public CodeBlock visitAdjointCall(Expr.AdjointCall c) {
      TypeElement owner = (TypeElement) c.callee().getEnclosingElement();
      return CodeBlock.of("$T.$N($L)", generatedClass.apply(owner),
          AdjointAbi.entryName(c.callee().getSimpleName()), arguments(c.args()));
    }

    @Override
    public CodeBlock visitTangentCall(Expr.TangentCall node) {
      TypeElement owner = (TypeElement) node.callee().getEnclosingElement();
      return CodeBlock.of("$T.$N($L)", generatedClass.apply(owner), node.ofAdjoint()
          ? TangentAbi.adjointEntryName(node.callee().getSimpleName())
          : TangentAbi.entryName(node.callee().getSimpleName()), arguments(node.args()));
    }

    @Override
    public CodeBlock visitIntrinsic(Expr.Intrinsic i) {
      return switch (i.op()) {
        case NO_SCALARS -> CodeBlock.of("$T.NO_SCALARS", RuntimeTypes.ADJOINT_ARRAYS);
        case CLEAR_SLOTS -> CodeBlock.of("$T.fill($L, 0, $L, 0.0)", java.util.Arrays.class,
            print(i.args().get(0), 0), print(i.args().get(1), 0));
        case ZEROS_LIKE -> zerosLike(print(i.args().get(0), 0), i.args().get(0).type());
        case POP -> JavaTypes.pop(print(i.args().get(0), 0), i.type());
        case COPY -> copy(i.args().get(0));
        case NEW_TAPE -> CodeBlock.of("new $T()", RuntimeTypes.TAPE);
        case GRAPH_NEW -> CodeBlock.of("new $T($L)", RuntimeTypes.COMPUTATION_GRAPH,
            print(i.args().get(0), 0));
        case GRAPH_INPUT -> CodeBlock.of("$L.input($L, $L)", print(i.args().get(0), PRIMARY),
            print(i.args().get(1), 0), print(i.args().get(2), 0));
        case GRAPH_NODE -> graphNode(i.args());
        case GRAPH_BACKWARD -> CodeBlock.of("$L.backward($L)", print(i.args().get(0), PRIMARY),
            print(i.args().get(1), 0));
        case RESERVE_DOUBLES, RELEASE_DOUBLES -> CodeBlock.of("$L.$L($L, $L)",
            print(i.args().get(0), PRIMARY), i.op() == Expr.Intrinsic.Op.RESERVE_DOUBLES
                ? "reserveDoubles" : "releaseDoubles",
            print(i.args().get(1), 0), print(i.args().get(2), 0));
        case DOUBLE_ARRAY -> CodeBlock.of("$L.doubleArray()", print(i.args().get(0), PRIMARY));
        case DOUBLE_COUNT -> CodeBlock.of("$L.doubleCount()", print(i.args().get(0), PRIMARY));
        case PUSH_ELEMENTS, POP_ELEMENTS -> CodeBlock.of("$T.$L($L, $L)",
            RuntimeTypes.ADJOINT_ARRAYS, i.op() == Expr.Intrinsic.Op.PUSH_ELEMENTS ? "push" : "pop",
            print(i.args().get(0), 0), print(i.args().get(1), 0));
      };
    }
  };

  /** A copy of an array; only variables and element reads go without parentheses. */
  private CodeBlock copy(Expr array) {
    boolean primary = array instanceof Expr.VarRef || array instanceof Expr.FieldRef
        || array instanceof Expr.ArrayRead;
    return CodeBlock.of(primary ? "$L.clone()" : "($L).clone()", print(array, 0));
  }

  /** {@code graph.node(name, description, value, new int[] {inputs}, new double[] {partials})}. */
  private CodeBlock graphNode(java.util.List<Expr> args) {
    int inputs = Integer.parseInt(((Expr.Literal) args.get(4)).text());
    return CodeBlock.of("$L.node($L,$W$L,$W$L,$Wnew int[] {$L},$Wnew double[] {$L})",
        print(args.get(0), PRIMARY), print(args.get(1), 0), print(args.get(2), 0),
        print(args.get(3), 0), arguments(args.subList(5, 5 + inputs)),
        arguments(args.subList(5 + inputs, 5 + 2 * inputs)));
  }

  private CodeBlock arguments(java.util.List<Expr> args) {
    CodeBlock.Builder out = CodeBlock.builder();
    for (int i = 0; i < args.size(); i++) {
      out.add(i == 0 ? "$L" : ", $L", print(args.get(i), 0));
    }
    return out.build();
  }

  private CodeBlock field(Expr.FieldRef f) {
    if (f.receiver() != null) {
      return CodeBlock.of("$L.$N", print(f.receiver(), PRIMARY), f.field().getSimpleName());
    }
    Object constant = f.field().getConstantValue();
    if (constant != null && dev.adjoint.processor.ir.Visibility.isPrivate(f.field())) {
      return constantLiteral(constant);
    }
    TypeElement owner = (TypeElement) f.field().getEnclosingElement();
    if (dev.adjoint.processor.ir.Visibility.isPrivate(f.field())) {
      // A private table: the generated class holds a copy of it.
      return CodeBlock.of("$T.$N", generatedClass.apply(owner), f.field().getSimpleName());
    }
    return CodeBlock.of("$T.$N", ClassName.get(owner), f.field().getSimpleName());
  }

  /** A compile-time constant of a private field, inlined because the generated class cannot
   * see the field. */
  private static CodeBlock constantLiteral(Object constant) {
    if (constant instanceof String s) {
      return CodeBlock.of("$S", s);
    }
    if (constant instanceof Double d) {
      if (d.isNaN()) {
        return CodeBlock.of("$T.NaN", Double.class);
      }
      if (d.isInfinite()) {
        return CodeBlock.of(d > 0 ? "$T.POSITIVE_INFINITY" : "$T.NEGATIVE_INFINITY", Double.class);
      }
      return CodeBlock.of("$L", d < 0 ? "(" + d + ")" : d.toString());
    }
    if (constant instanceof Float f) {
      return CodeBlock.of("$LF", f < 0 ? "(" + f + ")" : f.toString());
    }
    if (constant instanceof Long l) {
      return CodeBlock.of("$LL", l < 0 ? "(" + l + ")" : l.toString());
    }
    if (constant instanceof Character c) {
      return CodeBlock.of("(char) $L", (int) c);
    }
    String text = constant.toString();
    return CodeBlock.of("$L", text.startsWith("-") ? "(" + text + ")" : text);
  }

  /** The name of the copy of a private method that the generated class holds. */
  public static String primalCopyName(javax.lang.model.element.ExecutableElement method) {
    return AdjointAbi.primalCopyName(method.getSimpleName());
  }

  /** The Java type for an IR type: see {@link JavaTypes#typeName}. */
  public static TypeName typeName(IrType type) {
    return JavaTypes.typeName(type);
  }

  /** A new zero array with the shape of {@code array}: see {@link JavaTypes#zerosLike}. */
  public static CodeBlock zerosLike(CodeBlock array, IrType type) {
    return JavaTypes.zerosLike(array, type);
  }

  static boolean isNegativeLiteral(Expr e) {
    return e instanceof Expr.Literal l && l.text().startsWith("-");
  }

  static boolean isComparison(BinaryOp op) {
    return op.isComparisonOrLogical();
  }
}
