package dev.adjoint.processor.frontend;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Front end: lowers a method's tree to the IR. Statements are lowered here; expressions by
 * {@link ExpressionLowering}. Every unsupported construct is reported at its tree and lowering goes
 * on, so one compilation shows every error.
 */
public final class MethodLowering {
  private final Symbols symbols;
  private final MethodProblems problems;
  private final ExecutableElement element;
  private final MethodTree tree;
  private final CompilationUnitTree unit;
  private final Scope scope = new Scope();
  private final JumpTargets jumps = new JumpTargets();
  private final List<Variable> locals = new ArrayList<>();
  private final ExpressionLowering expressions;
  private final RecordLowering records;
  private final RecordLocals recordLocals;
  private final Variable result;
  private int loopDepth;

  /** The switch expression being lowered, with the variable its {@code yield}s assign. */
  private Variable yieldTarget;
  private Label yieldLabel;

  public MethodLowering(Symbols symbols, MethodProblems problems, ExecutableElement element,
      MethodTree tree, CompilationUnitTree unit) {
    this.symbols = symbols;
    this.problems = problems;
    this.element = element;
    this.tree = tree;
    this.unit = unit;
    symbols.declareTypeParameters(element.getTypeParameters());
    this.records = new RecordLowering(problems, scope);
    this.expressions = new ExpressionLowering(symbols, problems, scope, this, records);
    this.recordLocals = new RecordLocals(symbols, problems, records, expressions, this, scope,
        unit);
    this.result = new Variable("value", symbols.irType(element.getReturnType()),
        Variable.Origin.RESULT, tree);
  }

  /**
   * Sets what is wrong with a record Adjoint would flatten in the body (a local, a sealed
   * interface's record), or empty when nothing is: an accessor of its own returning something
   * else than its field, say, which only the record's source shows.
   */
  public MethodLowering checkingRecords(
      java.util.function.Function<javax.lang.model.element.TypeElement,
          java.util.Optional<String>> check) {
    records.checkingRecords(check);
    return this;
  }

  /** Lowers the method; {@code differentiatedNames} are the parameters to differentiate. */
  public MethodIr lower(Set<String> differentiatedNames) {
    List<Variable> parameters = new ArrayList<>();
    List<Variable> differentiated = new ArrayList<>();
    FlatParameters flat = FlatParameters.of(element, differentiatedNames);
    if (flat.hasRecords()) {
      flattenedParameters(flat, parameters, differentiated);
    }
    for (int i = 0; i < element.getParameters().size() && !flat.hasRecords(); i++) {
      VariableElement p = element.getParameters().get(i);
      Variable v = new Variable(p.getSimpleName().toString(), symbols.irType(p.asType()),
          Variable.Origin.PARAMETER, tree.getParameters().get(i));
      parameters.add(v);
      scope.declare(v);
      if (differentiatedNames.contains(v.sourceName())) {
        differentiated.add(v);
      }
    }
    Stmt.Block body = block(tree.getBody(), null);
    checkRowAliases();
    return new MethodIr(element, tree, unit, parameters, differentiated, locals, result, body);
  }

  /**
   * The parameters as the adjoint entry point takes them ({@link FlatParameters}): one variable
   * per leaf, a record parameter's leaves read through {@link RecordLowering}.
   */
  private void flattenedParameters(FlatParameters flat, List<Variable> parameters,
      List<Variable> differentiated) {
    java.util.Map<Integer, Variable> byLeaf = new java.util.HashMap<>();
    for (int k = 0; k < flat.leaves().size(); k++) {
      FlatParameters.Leaf leaf = flat.leaves().get(k);
      int declared = flat.parameterIndex(leaf.root());
      Variable v = new Variable(leaf.variableName(), symbols.irType(leaf.type()),
          Variable.Origin.PARAMETER, declared < 0 ? tree : tree.getParameters().get(declared));
      parameters.add(v);
      byLeaf.put(k, v);
      if (!leaf.inRecord()) {
        scope.declare(v);
      }
      if (leaf.differentiated()) {
        differentiated.add(v);
      }
    }
    for (int i = 0; i < flat.roots().size(); i++) {
      if (flat.roots().get(i) instanceof FlatParameters.RecordNode node) {
        if (flat.parameterIndex(i) < 0) {
          records.declareSelf(node, byLeaf);
        } else {
          records.declare(flat.rootNames().get(i), node, byLeaf);
        }
      }
    }
  }

  Variable newTemporary(String base, IrType type, Tree origin) {
    Variable v = new Variable(base, type, Variable.Origin.TEMPORARY, origin);
    if (!problems.isMuted()) {
      locals.add(v);
    }
    return v;
  }

  /** The method being lowered. */
  ExecutableElement method() {
    return element;
  }

  /** Whether the statement being lowered is inside a loop body or update. */
  boolean inLoop() {
    return loopDepth > 0;
  }

  // ------------------------------------------------------------------------------ statements

  private Stmt.Block block(BlockTree block, Label label) {
    scope.push();
    List<Stmt> out = new ArrayList<>();
    List<? extends StatementTree> stmts = block.getStatements();
    Set<String> declaredHere = new java.util.HashSet<>();
    for (int i = 0; i < stmts.size(); i++) {
      ArraySwaps.Swap swap = ArraySwaps.match(stmts, i);
      if (swap != null && swap(swap, out)) {
        i += 2;
        continue;
      }
      String[] handOver = loopDepth > 0 ? ArraySwaps.matchHandOver(stmts, i, declaredHere)
          : null;
      if (handOver != null && handOver(handOver, stmts.get(i), out)) {
        continue;
      }
      if (stmts.get(i) instanceof VariableTree v) {
        declaredHere.add(v.getName().toString());
      }
      statement(stmts.get(i), out);
    }
    scope.pop();
    return new Stmt.Block(label, out, block);
  }

  /**
   * {@code double[] t = u; u = v; v = t;} on two local one-dimensional arrays: their elements
   * are swapped instead (after checking that their lengths agree, which a swap of references
   * does not need: a mismatch throws IllegalStateException, never a wrong gradient). False,
   * with nothing lowered, for any other arrays.
   */
  private boolean swap(ArraySwaps.Swap swap, List<Stmt> out) {
    Variable u = scope.lookup(swap.first());
    Variable v = scope.lookup(swap.second());
    if (u == null || v == null || u == v || !u.type().equals(v.type()) || !u.type().isArray()
        || u.type().elementType().isArray() || !isLocalArray(u) || !isLocalArray(v)
        || scope.synonym(swap.first()) != null || scope.synonym(swap.second()) != null) {
      return false;
    }
    Tree at = swap.declaration();
    for (Variable a : List.of(u, v)) {
      if (iterated.contains(a)) {
        problems.error(at, "this swap is lowered to a swap of the elements of '" + u.sourceName()
            + "' and '" + v.sourceName() + "', but an enclosing for-each iterates over '"
            + a.sourceName() + "', which Java goes on reading from the array it started with;"
            + " iterate with an index instead");
        return true;
      }
    }
    Expr first = new Expr.VarRef(u, at);
    Expr second = new Expr.VarRef(v, at);
    javax.lang.model.element.TypeElement error = symbols.elements()
        .getTypeElement("java.lang.IllegalStateException");
    Expr message = new Expr.Literal(IrType.STRING, "\"Adjoint swaps the elements of '"
        + u.sourceName() + "' and '" + v.sourceName() + "', which needs arrays of one length\"",
        at);
    Expr differ = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.NOT_EQUAL,
        new Expr.ArrayLength(first, at), new Expr.ArrayLength(second, at), IrType.BOOLEAN, at);
    out.add(new Stmt.If(differ, new Stmt.Block(null, List.of(new Stmt.Throw(
        new Expr.NewObject(error.asType(), List.of(message), symbols.irType(error.asType()), at),
        at)), at), new Stmt.Block(null, List.of(), at), at));
    Variable index = newTemporary("k", IrType.INT, at);
    Variable held = newTemporary(swap.temp(), u.type().elementType(), at);
    Expr k = new Expr.VarRef(index, at);
    IrType element = u.type().elementType();
    List<Stmt> body = List.of(
        new Stmt.Assign(held, new Expr.ArrayRead(first, k, element, at), true, at),
        new Stmt.ArrayWrite(first, k, new Expr.ArrayRead(second, k, element, at), at),
        new Stmt.ArrayWrite(second, k, new Expr.VarRef(held, at), at));
    List<Stmt> loop = new ArrayList<>();
    loop.add(new Stmt.Assign(index, Expr.Literal.ofInt(0), true, at));
    Expr condition = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.LESS, k,
        new Expr.ArrayLength(first, at), IrType.BOOLEAN, at);
    loop.add(new Stmt.Loop(Label.synthetic("loop"), condition, new Stmt.Block(null, body, at),
        List.of(increment(index, at)), true, new Stmt.Counter(index, Expr.Literal.ofInt(0), 1),
        at));
    out.add(new Stmt.Block(null, loop, at));
    return true;
  }

  /** The array variables enclosing for-each loops iterate over (a swap must not change them). */
  private final java.util.Deque<Variable> iterated = new java.util.ArrayDeque<>();

  /**
   * {@code h = next;} in a loop, where {@code next} is a one-dimensional array declared earlier in
   * this block (allocated afresh on every iteration) and nothing after it in the block writes
   * into either: Java makes {@code h} hold {@code next}'s array, which nothing else will change,
   * so copying the elements into {@code h}'s own array gives the same values (a length mismatch
   * throws IllegalStateException). False, with nothing lowered, for other arrays.
   */
  private boolean handOver(String[] names, Tree at, List<Stmt> out) {
    Variable h = scope.lookup(names[0]);
    Variable next = scope.lookup(names[1]);
    if (h == null || next == null || h == next || !h.type().equals(next.type())
        || !h.type().isArray() || h.type().elementType().isArray() || !isLocalArray(h)
        || !isLocalArray(next) || scope.synonym(names[0]) != null
        || scope.synonym(names[1]) != null || iterated.contains(h) || iterated.contains(next)) {
      return false;
    }
    Expr target = new Expr.VarRef(h, at);
    Expr source = new Expr.VarRef(next, at);
    javax.lang.model.element.TypeElement error = symbols.elements()
        .getTypeElement("java.lang.IllegalStateException");
    Expr message = new Expr.Literal(IrType.STRING, "\"Adjoint copies the elements of '"
        + next.sourceName() + "' into '" + h.sourceName() + "', which needs arrays of one"
        + " length\"", at);
    Expr differ = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.NOT_EQUAL,
        new Expr.ArrayLength(target, at), new Expr.ArrayLength(source, at), IrType.BOOLEAN, at);
    out.add(new Stmt.If(differ, new Stmt.Block(null, List.of(new Stmt.Throw(
        new Expr.NewObject(error.asType(), List.of(message), symbols.irType(error.asType()), at),
        at)), at), new Stmt.Block(null, List.of(), at), at));
    Variable index = newTemporary("k", IrType.INT, at);
    Expr k = new Expr.VarRef(index, at);
    IrType element = h.type().elementType();
    List<Stmt> loop = new ArrayList<>();
    loop.add(new Stmt.Assign(index, Expr.Literal.ofInt(0), true, at));
    Expr condition = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.LESS, k,
        new Expr.ArrayLength(target, at), IrType.BOOLEAN, at);
    Stmt copy = new Stmt.ArrayWrite(target, k, new Expr.ArrayRead(source, k, element, at), at);
    loop.add(new Stmt.Loop(Label.synthetic("loop"), condition, new Stmt.Block(null,
        List.of(copy), at), List.of(increment(index, at)), true,
        new Stmt.Counter(index, Expr.Literal.ofInt(0), 1), at));
    out.add(new Stmt.Block(null, loop, at));
    return true;
  }

  private static boolean isLocalArray(Variable v) {
    return v.origin() == Variable.Origin.LOCAL || v.origin() == Variable.Origin.TEMPORARY;
  }

  /** Lowers a statement used as a branch or loop body into a block of its own scope. */
  private Stmt.Block asBlock(StatementTree s) {
    if (s == null) {
      return new Stmt.Block(null, List.of(), null);
    }
    if (s instanceof BlockTree b) {
      return block(b, null);
    }
    scope.push();
    List<Stmt> out = new ArrayList<>();
    statement(s, out);
    scope.pop();
    return new Stmt.Block(null, out, s);
  }

  private void statement(StatementTree s, List<Stmt> out) {
    switch (s.getKind()) {
      case BLOCK -> out.add(block((BlockTree) s, null));
      case VARIABLE -> variable((VariableTree) s, out);
      case EXPRESSION_STATEMENT ->
          expressionStatement(((ExpressionStatementTree) s).getExpression(), out);
      case IF -> ifStatement((IfTree) s, out);
      case RETURN -> returnStatement((ReturnTree) s, out);
      case THROW -> {
        Expr exception = expressions.lower(((ThrowTree) s).getExpression(), out);
        out.add(new Stmt.Throw(exception, s));
      }
      case FOR_LOOP -> forLoop((ForLoopTree) s, null, out);
      case WHILE_LOOP -> whileLoop((WhileLoopTree) s, null, out);
      case DO_WHILE_LOOP -> doWhileLoop((DoWhileLoopTree) s, null, out);
      case LABELED_STATEMENT -> labeled((LabeledStatementTree) s, out);
      case BREAK -> breakStatement((BreakTree) s, out);
      case CONTINUE -> continueStatement((ContinueTree) s, out);
      case SWITCH -> {
        SwitchTree sw = (SwitchTree) s;
        switchStatement(sw.getExpression(), sw.getCases(), null, s, out);
      }
      case YIELD -> yieldStatement((YieldTree) s, out);
      case EMPTY_STATEMENT -> { }
      case ENHANCED_FOR_LOOP -> enhancedFor((EnhancedForLoopTree) s, null, out);
      default -> problems.error(s, unsupportedStatement(s));
    }
  }

  private static String unsupportedStatement(StatementTree s) {
    String what = switch (s.getKind()) {
      case TRY -> "try statements";
      case SYNCHRONIZED -> "synchronized blocks";
      case CLASS, INTERFACE, ENUM, RECORD -> "local class declarations";
      case ASSERT -> "assert statements";
      default -> s.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + " statements";
    };
    return what + " are not supported in a @Differentiable method; move that code into a method"
        + " that is not differentiated and pass its result in";
  }

  /**
   * A local declaration. {@code var} takes the type of its initializer and is then lowered
   * exactly as if that type were written: arrays go through the same rules (allocation, row
   * alias, no aliasing of another array) as {@code double[] y = ...}.
   */
  private void variable(VariableTree v, List<Stmt> out) {
    if (recordLocals.declaration(v, isVar(v), out)) {
      return;
    }
    IrType type;
    Expr lowered = null;
    if (isVar(v)) {
      if (v.getInitializer() == null) {
        problems.failSilently(); // javac: 'var' without initializer
        return;
      }
      ExpressionTree init = stripParentheses(v.getInitializer());
      if (init instanceof NewArrayTree n) {
        type = newArrayType(n);
        if (type == null) {
          return;
        }
      } else if (arrayCloneReceiver(init) != null) {
        type = expressions.peekType(arrayCloneReceiver(init));
      } else if (copyOfSource(init) != null) {
        type = expressions.peekType(copyOfSource(init));
      } else {
        lowered = expressions.lower(v.getInitializer(), out);
        type = lowered.type();
        if (ExpressionLowering.isPoison(lowered)) {
          return; // already reported, or left to javac
        }
        if (type.kind() == IrType.Kind.NULL || type.kind() == IrType.Kind.VOID) {
          problems.failSilently(); // javac: cannot infer a type from null or void
          return;
        }
      }
    } else {
      type = symbols.typeOf(v.getType()).orElse(null);
      if (type == null) {
        if (Symbols.isNamedType(v.getType())) {
          problems.failSilently(); // javac reports the unknown type itself
        } else {
          problems.error(v.getType(), "local variables of type " + v.getType() + " are not"
              + " supported in a @Differentiable method");
        }
        return;
      }
    }
    if (!isSupportedLocalType(type)) {
      problems.error(v.getType() != null ? v.getType() : v, "local variables of type " + type
          + " are not supported in a @Differentiable method" + floatHint(type));
      return;
    }
    if (type.isArray()) {
      arrayVariable(v, type, lowered, out);
      return;
    }
    Expr init = lowered != null ? lowered
        : v.getInitializer() == null ? null : expressions.lower(v.getInitializer(), out);
    Variable local = declareLocal(v, type);
    if (init != null) {
      out.add(new Stmt.Assign(local, init, true, v));
    }
  }

  /** The type of {@code new double[n]}, {@code new double[n][]}, {@code new double[][]{...}}. */
  IrType newArrayType(NewArrayTree n) {
    if (n.getType() == null) {
      problems.failSilently(); // var x = {a, b}: javac reports it
      return null;
    }
    java.util.Optional<javax.lang.model.type.TypeMirror> element =
        symbols.typeOf(n.getType()).map(symbols::mirror);
    if (element.isEmpty()) {
      problems.failSilently(); // an unknown element type: javac reports it
      return null;
    }
    javax.lang.model.type.TypeMirror array = element.get();
    int levels = Math.max(n.getDimensions().size(), 1);
    for (int i = 0; i < levels; i++) {
      array = symbols.types().getArrayType(array);
    }
    return symbols.irType(array);
  }

  static ExpressionTree stripParentheses(ExpressionTree tree) {
    ExpressionTree e = tree;
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e;
  }

  /** {@code x} when {@code tree} is {@code x.clone()}, else null. */
  private static ExpressionTree arrayCloneReceiver(ExpressionTree tree) {
    if (tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("clone")) {
      return select.getExpression();
    }
    return null;
  }

  private static String floatHint(IrType type) {
    return type.kind() == IrType.Kind.FLOAT ? "; use double, the type Adjoint differentiates" : "";
  }

  private static boolean isSupportedLocalType(IrType type) {
    return type.kind() != IrType.Kind.FLOAT && type.kind() != IrType.Kind.VOID
        && type.kind() != IrType.Kind.NULL;
  }

  /**
   * A local array: allocated once, by {@code new} or an initializer, outside loops, and never
   * reassigned, so that the reverse sweep sees the same array and its adjoint the same shape.
   */
  private void arrayVariable(VariableTree v, IrType type, Expr lowered, List<Stmt> out) {
    ExpressionTree initTree = v.getInitializer() == null ? null
        : stripParentheses(v.getInitializer());
    if (initTree != null && initTree.getKind() == Tree.Kind.ARRAY_ACCESS) {
      rowAlias(v, lowered, out);
      return;
    }
    if (records.aliasComponent(v, lowered, initTree, scope)) {
      return;
    }
    if (initTree == null) {
      problems.error(v, "declare array '" + v.getName() + "' with its allocation, as in"
          + " double[] " + v.getName() + " = new double[n]");
      declareLocal(v, type);
      return;
    }
    if (lowered == null && arrayCloneReceiver(initTree) != null
        && arrayCopy(v, type, arrayCloneReceiver(initTree), out)) {
      return;
    }
    if (lowered == null && copyOfSource(initTree) != null
        && arrayCopyOf(v, type, (MethodInvocationTree) initTree, out)) {
      return;
    }
    List<Expr> elements = new ArrayList<>();
    Expr init = lowered == null ? expressions.newArray(initTree, type, out, elements) : null;
    if (init == null && initTree instanceof MethodInvocationTree) {
      init = lowered != null ? lowered : expressions.arrayValue(initTree, out);
      if (ExpressionLowering.isPoison(init)) {
        declareLocal(v, type);
        return;
      }
    }
    init = init != null ? init : expressions.lower(initTree, out); // a reference: ArrayAliases
    if (ArrayReferenceValues.rejected(type, init, v.getInitializer(), problems)) {
      declareLocal(v, type);
      return;
    }
    Variable local = declareLocal(v, type);
    out.add(new Stmt.Assign(local, init, true, v));
    if (init instanceof Expr.NewArray n) {
      initializeElements(local, n, elements, v, out);
    }
  }

  /** The element writes of an initializer {@code {a, b}} or {@code {{a, b}, {c, d}}}. */
  void initializeElements(Variable local, Expr.NewArray n, List<Expr> elements, Tree v,
      List<Stmt> out) {
    if (elements.isEmpty()) {
      return;
    }
    boolean matrix = local.type().kind() == IrType.Kind.DOUBLE_MATRIX;
    int columns = matrix ? Integer.parseInt(((Expr.Literal) n.dimensions().get(1)).text()) : 0;
    for (int k = 0; k < elements.size(); k++) {
      Expr element = elements.get(k);
      Expr array = new Expr.VarRef(local, v);
      int index = k;
      if (matrix) {
        array = new Expr.ArrayRead(array, Expr.Literal.ofInt(k / columns), IrType.DOUBLE_ARRAY,
            element.tree());
        index = k % columns;
      }
      out.add(new Stmt.ArrayWrite(array, Expr.Literal.ofInt(index), element, element.tree()));
    }
  }

  /**
   * {@code double[] y = x.clone();}: a fresh array, {@code new double[x.length]}, and a loop
   * copying the elements, so that {@code y} aliases nothing. False, with nothing lowered, when
   * {@code x} is not a one-dimensional array; the call is then lowered, and reported, as an
   * expression.
   */
  private boolean arrayCopy(VariableTree v, IrType type, ExpressionTree sourceTree,
      List<Stmt> out) {
    if (expressions.peekType(sourceTree).kind() != type.kind()
        || type.kind() == IrType.Kind.DOUBLE_MATRIX) {
      return false;
    }
    Expr source = stableArray(expressions.lower(sourceTree, out), out);
    if (source == null) {
      problems.error(v.getInitializer(), "clone() is supported on an array variable or a row"
          + " m[i]; assign the array to a local first");
      declareLocal(v, type);
      return true;
    }
    Variable copy = declareLocal(v, type);
    out.add(new Stmt.Assign(copy, new Expr.NewArray(type,
        List.of(new Expr.ArrayLength(source, sourceTree)), v.getInitializer()), true, v));
    Variable index = newTemporary("k", IrType.INT, v);
    List<Stmt> loop = new ArrayList<>();
    loop.add(new Stmt.Assign(index, Expr.Literal.ofInt(0), true, v));
    Expr condition = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.LESS,
        new Expr.VarRef(index), new Expr.ArrayLength(new Expr.VarRef(copy), v), IrType.BOOLEAN,
        v);
    Stmt write = new Stmt.ArrayWrite(new Expr.VarRef(copy, v), new Expr.VarRef(index),
        new Expr.ArrayRead(source, new Expr.VarRef(index), type.elementType(), sourceTree), v);
    loop.add(new Stmt.Loop(Label.synthetic("loop"), condition,
        new Stmt.Block(null, List.of(write), v), List.of(increment(index, v)), true,
        new Stmt.Counter(index, Expr.Literal.ofInt(0), 1), v));
    out.add(new Stmt.Block(null, loop, v));
    return true;
  }

  // ------------------------------------------------------------- JDK array utilities

  /**
   * {@code x} when {@code tree} is {@code Arrays.copyOf(x, n)} or
   * {@code Arrays.copyOfRange(x, from, to)}, else null.
   */
  private ExpressionTree copyOfSource(ExpressionTree tree) {
    if (tree instanceof MethodInvocationTree call) {
      String utility = expressions.jdkArrayUtility(call);
      int arity = "Arrays.copyOf".equals(utility) ? 2
          : "Arrays.copyOfRange".equals(utility) ? 3 : -1;
      if (call.getArguments().size() == arity) {
        return call.getArguments().get(0);
      }
    }
    return null;
  }

  private static boolean isCopiedArray(IrType type) {
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
  private boolean intArguments(MethodInvocationTree call, int from, int to) {
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
  private Expr once(String base, Expr value, IrType type, Tree tree, List<Stmt> out) {
    Expr converted = value.type().equals(type) ? value : new Expr.Cast(type, value, tree);
    if (value instanceof Expr.Literal && value.type().equals(type)) {
      return value;
    }
    Variable held = newTemporary(base, type, tree);
    out.add(new Stmt.Assign(held, converted, true, tree));
    return new Expr.VarRef(held, tree);
  }

  private static Expr binary(dev.adjoint.processor.ir.BinaryOp op, Expr a, Expr b, Tree tree) {
    IrType type = op.isComparisonOrLogical() ? IrType.BOOLEAN : IrType.INT;
    return new Expr.Binary(op, a, b, type, tree);
  }

  private static Expr minInt(Expr a, Expr b, Tree tree) {
    return new Expr.Conditional(binary(dev.adjoint.processor.ir.BinaryOp.LESS, a, b, tree), a, b,
        IrType.INT, tree);
  }

  /** {@code if (condition) throw new E();}, the check a JDK method makes before it copies. */
  private void throwIf(Expr condition, String errorClass, Tree tree, List<Stmt> out) {
    Stmt thrown = new Stmt.Throw(expressions.newError(errorClass, tree), tree);
    out.add(new Stmt.If(condition, new Stmt.Block(null, List.of(thrown), tree),
        new Stmt.Block(null, List.of(), tree), tree));
  }

  /**
   * {@code for (int k = 0; k < count; k++) target[targetStart + k] = source[sourceStart + k]},
   * or, {@code backward}, the same copies from the last to the first (index
   * {@code start + count - 1 - k}). {@code source} null writes {@code value} instead.
   */
  private Stmt copyLoop(Expr target, Expr targetStart, Expr source, Expr sourceStart,
      Expr value, Expr count, boolean backward, Tree tree) {
    Variable index = newTemporary("k", IrType.INT, tree);
    List<Stmt> loop = new ArrayList<>();
    loop.add(new Stmt.Assign(index, Expr.Literal.ofInt(0), true, tree));
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
    loop.add(new Stmt.Loop(Label.synthetic("loop"), condition,
        new Stmt.Block(null, List.of(write), tree), List.of(increment(index, tree)), true,
        new Stmt.Counter(index, Expr.Literal.ofInt(0), 1), tree));
    return new Stmt.Block(null, loop, tree);
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
  private boolean arrayCopyOf(VariableTree v, IrType type, MethodInvocationTree call,
      List<Stmt> out) {
    boolean range = call.getArguments().size() == 3;
    ExpressionTree sourceTree = call.getArguments().get(0);
    if (!isCopiedArray(type) || expressions.peekType(sourceTree).kind() != type.kind()
        || !intArguments(call, 1, call.getArguments().size())) {
      return false;
    }
    String method = range ? "Arrays.copyOfRange" : "Arrays.copyOf";
    Expr source = stableArray(expressions.lower(sourceTree, out), out);
    if (source == null) {
      problems.error(sourceTree, method + " is supported on an array variable or a row m[i];"
          + " assign the array to a local first");
      declareLocal(v, type);
      return true;
    }
    Expr from = range ? once("from", expressions.lower(call.getArguments().get(1), out),
        IrType.INT, call, out) : Expr.Literal.ofInt(0);
    Expr end = once(range ? "to" : "length", expressions.lower(
        call.getArguments().get(range ? 2 : 1), out), IrType.INT, call, out);
    Expr length = end;
    Expr available = new Expr.ArrayLength(source, sourceTree);
    if (range) {
      throwIf(binary(dev.adjoint.processor.ir.BinaryOp.GREATER, from, end, call),
          "java.lang.IllegalArgumentException", call, out);
      throwIf(binary(dev.adjoint.processor.ir.BinaryOp.OR,
          binary(dev.adjoint.processor.ir.BinaryOp.LESS, from, Expr.Literal.ofInt(0), call),
          binary(dev.adjoint.processor.ir.BinaryOp.GREATER, from,
              new Expr.ArrayLength(source, sourceTree), call), call),
          "java.lang.ArrayIndexOutOfBoundsException", call, out);
      length = binary(dev.adjoint.processor.ir.BinaryOp.MINUS, end, from, call);
      available = binary(dev.adjoint.processor.ir.BinaryOp.MINUS, available, from, call);
    }
    Variable copy = declareLocal(v, type);
    out.add(new Stmt.Assign(copy, new Expr.NewArray(type, List.of(length), call), true, v));
    Expr count = once("count", minInt(length, available, call), IrType.INT, call, out);
    out.add(copyLoop(new Expr.VarRef(copy, v), Expr.Literal.ofInt(0), source, from, null, count,
        false, call));
    return true;
  }

  /**
   * {@code Arrays.fill(z, [from, to,] v)} and {@code System.arraycopy(src, sp, dst, dp, n)} as
   * statements writing into a local {@code double[]} or {@code int[]} (or a row of a local
   * matrix): loops of element writes, after the JDK's checks. False, with nothing lowered, for
   * any other call, or other argument types; the call is then lowered, and reported, as an
   * expression.
   */
  private boolean arrayUtilityStatement(MethodInvocationTree call, List<Stmt> out) {
    String utility = expressions.jdkArrayUtility(call);
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
      problems.error(tree, method + " can write only into a local array (or a row m[i] of"
          + " one) in a @Differentiable method; assign the array to a local first");
      return null;
    }
    String parameterProblem = ParameterWrites.problem(root, array, element);
    if (parameterProblem != null) {
      problems.error(tree, parameterProblem);
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
      throwIf(binary(dev.adjoint.processor.ir.BinaryOp.GREATER, from, to, call),
          "java.lang.IllegalArgumentException", call, out);
      throwIf(binary(dev.adjoint.processor.ir.BinaryOp.OR,
          binary(dev.adjoint.processor.ir.BinaryOp.LESS, from, Expr.Literal.ofInt(0), call),
          binary(dev.adjoint.processor.ir.BinaryOp.GREATER, to,
              new Expr.ArrayLength(array, args.get(0)), call), call),
          "java.lang.ArrayIndexOutOfBoundsException", call, out);
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
      problems.error(args.get(0), "System.arraycopy is supported from an array variable or a"
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

  private static Stmt increment(Variable index, Tree tree) {
    return new Stmt.Assign(index, new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.PLUS,
        new Expr.VarRef(index), Expr.Literal.ofInt(1), IrType.INT, tree), false, tree);
  }

  /**
   * An array expression that evaluates to the same array however often it is evaluated: a
   * variable or field as it is, a row {@code m[i]} with its index evaluated once, now, into a
   * temporary (so that a later change of {@code i} does not change the row). Null for any other
   * expression.
   */
  private Expr stableArray(Expr array, List<Stmt> out) {
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
        Variable fixed = newTemporary("row", index.type(), index.tree());
        out.add(new Stmt.Assign(fixed, index, true, index.tree()));
        index = new Expr.VarRef(fixed, index.tree());
      }
      return new Expr.ArrayRead(inner, index, read.type(), read.tree());
    }
    return null;
  }

  /** A row alias still to be checked: nothing it depends on may change while it is in scope. */
  private record RowAlias(String name, Expr row, List<Stmt> block, int from) {}

  private final List<RowAlias> rowAliases = new ArrayList<>();

  /**
   * {@code double[] row = m[i];} makes {@code row} another name for {@code m[i]}, as in a
   * for-each over rows: no array is aliased, and reads and writes through it are reads and writes
   * of {@code m[i]}. It is checked, once the method is lowered, that {@code i} does not change
   * while {@code row} is in scope.
   */
  private void rowAlias(VariableTree v, Expr lowered, List<Stmt> out) {
    Expr row = lowered != null ? lowered : expressions.lower(v.getInitializer(), out);
    if (ExpressionLowering.isPoison(row)) {
      declareLocal(v, IrType.DOUBLE_ARRAY);
      return;
    }
    if (!(row instanceof Expr.ArrayRead read) || !read.type().isArray()
        || RowReferences.needsVariable(v, tree)) {
      out.add(new Stmt.Assign(declareLocal(v, IrType.DOUBLE_ARRAY), row, true, v));
      return;
    }
    scope.declareSynonym(v.getName().toString(), row);
    rowAliases.add(new RowAlias(v.getName().toString(), row, out, out.size()));
  }

  private void checkRowAliases() {
    for (RowAlias alias : rowAliases) {
      java.util.Set<Variable> dependencies = new java.util.HashSet<>();
      dev.adjoint.processor.ir.IrWalk.expressions(alias.row(), e -> {
        if (e instanceof Expr.VarRef r) {
          dependencies.add(r.variable());
        }
      });
      for (Stmt s : alias.block().subList(alias.from(), alias.block().size())) {
        dev.adjoint.processor.ir.IrWalk.statements(s, c -> {
          if (c instanceof Stmt.Assign a && dependencies.contains(a.target())) {
            problems.error(c.tree(), "'" + a.target().sourceName() + "' changes while '"
                + alias.name() + "' stands for " + alias.row().tree() + "; index the matrix"
                + " directly instead");
          }
        });
      }
    }
  }

  /**
   * {@code for (double v : xs) body} is an indexed loop with {@code v = xs[k]} first; over the
   * rows of a matrix, {@code row} stands for {@code m[k]} itself, so no row is ever aliased.
   */
  private void enhancedFor(EnhancedForLoopTree s, String userLabel, List<Stmt> out) {
    scope.push();
    List<Stmt> outer = new ArrayList<>();
    Expr lowered = expressions.lower(s.getExpression(), outer);
    if (ExpressionLowering.isPoison(lowered)) {
      scope.pop();
      return; // already reported, or left to javac
    }
    // Java evaluates the array expression once, before the first iteration.
    Expr array = lowered.type().isArray() ? stableArray(lowered, outer) : null;
    boolean rows = lowered instanceof Expr.ArrayRead || IrType.DOUBLE_MATRIX.equals(lowered.type());
    array = array != null && RowReferences.changedInBody(s, rows) ? arrayOfCall(s, array, outer)
        : array;
    if (array == null && lowered instanceof Expr.Call && lowered.type().isArray()) {
      array = arrayOfCall(s, lowered, outer);
      if (array == null) {
        scope.pop();
        return;
      }
    }
    if (array == null) {
      problems.error(s.getExpression(), "enhanced for loops can iterate over array variables only"
          + " (a row m[i] or an array a call returns is fine too); use an indexed loop");
      scope.pop();
      return;
    }
    Variable index = newTemporary("k", IrType.INT, s);
    outer.add(new Stmt.Assign(index, Expr.Literal.ofInt(0), true, s));
    Expr condition = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.LESS,
        new Expr.VarRef(index), new Expr.ArrayLength(array, s.getExpression()), IrType.BOOLEAN,
        s);
    Label label = userLabel != null ? Label.user(userLabel) : Label.synthetic("loop");
    jumps.push(JumpTargets.Kind.LOOP, label, userLabel);
    loopDepth++;
    scope.push();
    List<Stmt> body = new ArrayList<>();
    VariableTree element = s.getVariable();
    IrType elementType = array.type().elementType();
    Expr current = new Expr.ArrayRead(array, new Expr.VarRef(index), elementType, element);
    if (elementType.isArray() && !RowReferences.changedInBody(s, true)) {
      scope.declareSynonym(element.getName().toString(), current);
    } else {
      // for (double v : ints) declares a double: the element is converted to the declared type.
      IrType declared = isVar(element) ? elementType
          : symbols.typeOf(element.getType()).orElse(elementType);
      if (!declared.equals(elementType)) {
        current = new Expr.Cast(declared, current, element);
      }
      Variable v = declareLocal(element, declared);
      body.add(new Stmt.Assign(v, current, true, element));
    }
    Variable iteratedVariable = array instanceof Expr.VarRef r ? r.variable() : null;
    if (iteratedVariable != null) {
      iterated.push(iteratedVariable);
    }
    Stmt.Block inner = asBlock(s.getStatement());
    if (iteratedVariable != null) {
      iterated.pop();
    }
    body.add(inner);
    scope.pop();
    loopDepth--;
    jumps.pop();
    scope.pop();
    Stmt.Counter counter = new Stmt.Counter(index, Expr.Literal.ofInt(0), 1);
    outer.add(new Stmt.Loop(label, condition, new Stmt.Block(null, body, s),
        List.of(increment(index, s)), true, counter, s));
    out.add(new Stmt.Block(null, outer, s));
  }

  /**
   * The array a call returns, or an array variable the body reassigns, for a for-each over it:
   * held in a local array, as Java evaluates it once.
   */
  private Expr arrayOfCall(EnhancedForLoopTree s, Expr call, List<Stmt> out) {
    Variable held = newTemporary("array", call.type(), s.getExpression());
    out.add(new Stmt.Assign(held, call, true, s.getExpression()));
    return new Expr.VarRef(held, s.getExpression());
  }

  private static boolean isVar(VariableTree v) {
    // 'var' leaves the type tree null, or names 'var', depending on the javac version.
    return v.getType() == null || v.getType().toString().equals("var");
  }

  /** Declares a local the front end derives from the user's (a record local's component). */
  void declareLocal(Variable local) {
    scope.declare(local);
    locals.add(local);
  }

  private Variable declareLocal(VariableTree v, IrType type) {
    Variable local = new Variable(v.getName().toString(), type, Variable.Origin.LOCAL, v);
    scope.declare(local);
    locals.add(local);
    return local;
  }

  private void expressionStatement(ExpressionTree e, List<Stmt> out) {
    switch (e.getKind()) {
      case ASSIGNMENT, PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT,
          PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT,
          REMAINDER_ASSIGNMENT, AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT,
          LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> {
        if (!(e instanceof com.sun.source.tree.AssignmentTree a
            && recordLocals.assignment(a, out))) {
          expressions.assignment(e, out);
        }
      }
      case METHOD_INVOCATION -> {
        if (!arrayUtilityStatement((MethodInvocationTree) e, out)) {
          out.add(new Stmt.Eval(expressions.lower(e, out), e));
        }
      }
      default -> problems.error(e, "this expression statement is not supported in a"
          + " @Differentiable method");
    }
  }

  private void ifStatement(IfTree s, List<Stmt> out) {
    Expr condition = expressions.lower(s.getCondition(), out);
    Stmt.Block thenPart = asBlock(s.getThenStatement());
    Stmt.Block elsePart = asBlock(s.getElseStatement());
    out.add(new Stmt.If(condition, thenPart, elsePart, s));
  }

  private void returnStatement(ReturnTree s, List<Stmt> out) {
    if (yieldTarget != null) {
      problems.error(s, "return inside a switch expression is not allowed");
      return;
    }
    if (s.getExpression() != null) {
      Expr value = result.type().isArray() ? expressions.arrayValue(s.getExpression(), out)
          : expressions.lower(s.getExpression(), out);
      out.add(new Stmt.Assign(result, value,
          false, s));
    }
    out.add(new Stmt.Return(s));
  }

  // ----------------------------------------------------------------------------------- loops

  private void labeled(LabeledStatementTree s, List<Stmt> out) {
    String name = s.getLabel().toString();
    StatementTree inner = s.getStatement();
    switch (inner.getKind()) {
      case FOR_LOOP -> forLoop((ForLoopTree) inner, name, out);
      case WHILE_LOOP -> whileLoop((WhileLoopTree) inner, name, out);
      case DO_WHILE_LOOP -> doWhileLoop((DoWhileLoopTree) inner, name, out);
      case ENHANCED_FOR_LOOP -> enhancedFor((EnhancedForLoopTree) inner, name, out);
      case SWITCH -> {
        SwitchTree sw = (SwitchTree) inner;
        switchStatement(sw.getExpression(), sw.getCases(), name, inner, out);
      }
      default -> {
        Label label = Label.user(name);
        jumps.push(JumpTargets.Kind.BLOCK, label, name);
        Stmt.Block body = inner instanceof BlockTree b ? block(b, label) : labelBlock(inner, label);
        jumps.pop();
        out.add(body);
      }
    }
  }

  private Stmt.Block labelBlock(StatementTree inner, Label label) {
    Stmt.Block b = asBlock(inner);
    return new Stmt.Block(label, b.stmts(), inner);
  }

  private void forLoop(ForLoopTree s, String userLabel, List<Stmt> out) {
    scope.push();
    List<Stmt> outer = new ArrayList<>();
    for (StatementTree init : s.getInitializer()) {
      statement(init, outer);
    }
    LoopTest test = s.getCondition() == null ? new LoopTest(null, List.of())
        : loopTest(s.getCondition());
    Label label = (userLabel != null ? Label.user(userLabel) : Label.synthetic("loop"));
    jumps.push(JumpTargets.Kind.LOOP, label, userLabel);
    loopDepth++;
    Stmt.Block body = asBlock(s.getStatement());
    List<Stmt> update = new ArrayList<>();
    for (ExpressionStatementTree u : s.getUpdate()) {
      statement(u, update);
    }
    loopDepth--;
    jumps.pop();
    scope.pop();
    if (test.before().isEmpty()) {
      outer.add(new Stmt.Loop(label, test.condition(), body, update, true,
          counter(outer, update, body), s));
    } else {
      outer.add(new Stmt.Loop(label, null, testedFirst(test, label, body, s), update, true, null,
          s));
    }
    out.add(new Stmt.Block(null, outer, s));
  }

  /**
   * The counter of a for loop that declares one int counter, steps it by a constant in its
   * update and never assigns it in its body; null for any other loop.
   */
  private static Stmt.Counter counter(List<Stmt> init, List<Stmt> update, Stmt.Block body) {
    if (init.size() != 1 || update.size() != 1
        || !(init.get(0) instanceof Stmt.Assign start) || !start.declaration()
        || start.target().type().kind() != IrType.Kind.INT
        || !(update.get(0) instanceof Stmt.Assign step) || step.target() != start.target()
        || !(step.value() instanceof Expr.Binary b)
        || !(b.left() instanceof Expr.VarRef r && r.variable() == start.target())
        || !(b.right() instanceof Expr.Literal lit) || lit.type().kind() != IrType.Kind.INT) {
      return null;
    }
    int amount;
    try {
      amount = Integer.parseInt(lit.text());
    } catch (NumberFormatException e) {
      return null;
    }
    if (b.op() == dev.adjoint.processor.ir.BinaryOp.MINUS) {
      amount = -amount;
    } else if (b.op() != dev.adjoint.processor.ir.BinaryOp.PLUS) {
      return null;
    }
    boolean[] assigned = {false};
    dev.adjoint.processor.ir.IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Assign a && a.target() == start.target()) {
        assigned[0] = true;
      }
    });
    return assigned[0] ? null : new Stmt.Counter(start.target(), start.value(), amount);
  }

  private void whileLoop(WhileLoopTree s, String userLabel, List<Stmt> out) {
    LoopTest test = loopTest(s.getCondition());
    Label label = (userLabel != null ? Label.user(userLabel) : Label.synthetic("loop"));
    jumps.push(JumpTargets.Kind.LOOP, label, userLabel);
    loopDepth++;
    Stmt.Block body = asBlock(s.getStatement());
    loopDepth--;
    jumps.pop();
    if (test.before().isEmpty()) {
      out.add(new Stmt.Loop(label, test.condition(), body, List.of(), true, null, s));
    } else {
      out.add(new Stmt.Loop(label, null, testedFirst(test, label, body, s), List.of(), true,
          null, s));
    }
  }

  private void doWhileLoop(DoWhileLoopTree s, String userLabel, List<Stmt> out) {
    Label label = (userLabel != null ? Label.user(userLabel) : Label.synthetic("loop"));
    jumps.push(JumpTargets.Kind.LOOP, label, userLabel);
    loopDepth++;
    Stmt.Block body = asBlock(s.getStatement());
    loopDepth--;
    jumps.pop();
    LoopTest test = loopTest(s.getCondition());
    if (test.before().isEmpty()) {
      out.add(new Stmt.Loop(label, test.condition(), body, List.of(), false, null, s));
      return;
    }
    // do body while (c), with statements c needs: { first = true; while (true) { if (!first)
    // { statements; if (!c) break; } first = false; body } }, so that continue still tests c.
    Variable first = newTemporary("first", IrType.BOOLEAN, s);
    out.add(new Stmt.Assign(first, new Expr.Literal(IrType.BOOLEAN, "true", s), true, s));
    Stmt.Block check = new Stmt.Block(null, testAndBreak(test, label, s), s);
    List<Stmt> iteration = new ArrayList<>();
    iteration.add(new Stmt.If(not(new Expr.VarRef(first, s), s), check,
        new Stmt.Block(null, List.of(), s), s));
    iteration.add(new Stmt.Assign(first, new Expr.Literal(IrType.BOOLEAN, "false", s), false, s));
    iteration.add(body);
    out.add(new Stmt.Loop(label, null, new Stmt.Block(null, iteration, s), List.of(), true, null,
        s));
  }

  /**
   * A loop condition and the statements it needs run first (an increment or assignment inside
   * it, a switch expression), which run again before every test. It is lowered as if inside the
   * loop, since it is evaluated once per iteration.
   */
  private record LoopTest(Expr condition, List<Stmt> before) {}

  private LoopTest loopTest(ExpressionTree tree) {
    List<Stmt> before = new ArrayList<>();
    loopDepth++;
    Expr condition;
    try {
      condition = expressions.lower(tree, before);
    } finally {
      loopDepth--;
    }
    if (before.isEmpty() && condition instanceof Expr.Literal lit && lit.text().equals("true")) {
      condition = null;
    }
    return new LoopTest(condition, before);
  }

  /** A loop body that first runs the test's statements and leaves the loop if it fails. */
  private Stmt.Block testedFirst(LoopTest test, Label label, Stmt.Block body, Tree tree) {
    List<Stmt> iteration = new ArrayList<>(testAndBreak(test, label, tree));
    iteration.add(body);
    return new Stmt.Block(null, iteration, tree);
  }

  /** {@code statements; if (!condition) break label;} */
  private static List<Stmt> testAndBreak(LoopTest test, Label label, Tree tree) {
    List<Stmt> stmts = new ArrayList<>(test.before());
    stmts.add(new Stmt.If(not(test.condition(), tree),
        new Stmt.Block(null, List.of(new Stmt.Break(label, tree)), tree),
        new Stmt.Block(null, List.of(), tree), tree));
    return stmts;
  }

  private static Expr not(Expr condition, Tree tree) {
    return new Expr.Unary(dev.adjoint.processor.ir.UnaryOp.NOT, condition, IrType.BOOLEAN, tree);
  }

  private void breakStatement(BreakTree s, List<Stmt> out) {
    String name = s.getLabel() == null ? null : s.getLabel().toString();
    Label target = jumps.breakTarget(name);
    if (target == null) {
      problems.failSilently(); // javac reports the missing label itself
      return;
    }
    out.add(new Stmt.Break(target, s));
  }

  private void continueStatement(ContinueTree s, List<Stmt> out) {
    String name = s.getLabel() == null ? null : s.getLabel().toString();
    Label target = jumps.continueTarget(name);
    if (target == null) {
      problems.failSilently(); // javac reports the missing loop itself
      return;
    }
    out.add(new Stmt.Continue(target, s));
  }

  // ---------------------------------------------------------------------------------- switch

  /**
   * Lowers a switch statement onto a labelled block holding an if/else-if chain. Case groups may
   * not fall through into the next one; an empty group shares the next group's body.
   */
  private void switchStatement(ExpressionTree selectorTree, List<? extends CaseTree> cases,
      String userLabel, Tree origin, List<Stmt> out) {
    Expr selector = stableSelector(selectorTree, out);
    Label label = (userLabel != null ? Label.user(userLabel) : Label.synthetic("cases"));
    jumps.push(JumpTargets.Kind.SWITCH, label, userLabel);
    Stmt.Block chain = caseChain(selector, cases, label, false);
    jumps.pop();
    out.add(new Stmt.Block(label, List.of(chain), origin));
  }

  /** Lowers {@code switch} used as an expression: its yields assign a fresh temporary. */
  Expr switchExpression(SwitchExpressionTree s, List<Stmt> out) {
    Expr selector = stableSelector(s.getExpression(), out);
    Variable previousTarget = yieldTarget;
    Label previousLabel = yieldLabel;
    Label label = Label.synthetic("cases");
    IrType type = switchExpressionType(s);
    Variable target = newTemporary("switchValue", type, s);
    yieldTarget = target;
    yieldLabel = label;
    jumps.push(JumpTargets.Kind.BLOCK, label, null);
    Stmt.Block chain = caseChain(selector, s.getCases(), label, true);
    jumps.pop();
    yieldTarget = previousTarget;
    yieldLabel = previousLabel;
    out.add(new Stmt.Block(label, List.of(chain), s));
    return new Expr.VarRef(target, s);
  }

  private IrType switchExpressionType(SwitchExpressionTree s) {
    IrType type = null;
    for (CaseTree c : s.getCases()) {
      if (c.getBody() instanceof ExpressionTree e) {
        IrType t = expressions.peekType(e);
        type = type == null ? t : expressions.unify(type, t);
      }
    }
    return type == null ? IrType.DOUBLE : type;
  }

  private Expr stableSelector(ExpressionTree selectorTree, List<Stmt> out) {
    Expr selector = expressions.lower(selectorTree, out);
    if (enumOf(selector.type()) != null) {
      // A switch on a null enum throws NullPointerException; comparisons with == would not.
      selector = expressions.requireNonNull(selector, selectorTree);
    } else if (selector instanceof Expr.VarRef) {
      return selector;
    }
    Variable temp = newTemporary("selector", selector.type(), selectorTree);
    out.add(new Stmt.Assign(temp, selector, true, selectorTree));
    return new Expr.VarRef(temp, selectorTree);
  }

  @SuppressWarnings("deprecation") // CaseTree.getExpressions: the Java 17 API this targets
  private Stmt.Block caseChain(Expr selector, List<? extends CaseTree> cases, Label label,
      boolean isExpression) {
    List<Expr> pendingLabels = new ArrayList<>();
    boolean pendingDefault = false;
    List<Expr> conditions = new ArrayList<>();
    List<Stmt.Block> bodies = new ArrayList<>();
    Stmt.Block defaultBody = null;
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      boolean isDefault = c.getExpressions().isEmpty();
      pendingDefault |= isDefault;
      for (ExpressionTree e : c.getExpressions()) {
        pendingLabels.add(caseMatch(selector, e));
      }
      boolean rule = c.getCaseKind() == CaseTree.CaseKind.RULE;
      if (!rule && c.getStatements().isEmpty() && i < cases.size() - 1) {
        continue;
      }
      Stmt.Block body = rule ? ruleBody(c, isExpression) : groupBody(c, i == cases.size() - 1);
      if (pendingDefault) {
        defaultBody = body;
      } else {
        conditions.add(anyOf(pendingLabels));
        bodies.add(body);
      }
      pendingLabels = new ArrayList<>();
      pendingDefault = false;
    }
    if (defaultBody == null && isExpression) {
      // An exhaustive switch expression over an enum: a constant added after compilation
      // matches no case, and Java throws.
      defaultBody = new Stmt.Block(null, List.of(new Stmt.Throw(expressions.newError(
          "java.lang.IncompatibleClassChangeError", selector.tree()), selector.tree())), null);
    }
    Stmt.Block chain = defaultBody != null ? defaultBody : new Stmt.Block(null, List.of(), null);
    for (int i = conditions.size() - 1; i >= 0; i--) {
      Stmt.If branch = new Stmt.If(conditions.get(i), bodies.get(i), chain, null);
      chain = new Stmt.Block(null, List.of(branch), null);
    }
    return chain;
  }

  /** The enum a value of this type belongs to, or null when it is not an enum. */
  private static javax.lang.model.element.TypeElement enumOf(IrType type) {
    if (type.kind() == IrType.Kind.OTHER
        && type.mirror() instanceof javax.lang.model.type.DeclaredType d
        && d.asElement().getKind() == javax.lang.model.element.ElementKind.ENUM) {
      return (javax.lang.model.element.TypeElement) d.asElement();
    }
    return null;
  }

  private Expr caseMatch(Expr selector, ExpressionTree label) {
    javax.lang.model.element.TypeElement enumType = enumOf(selector.type());
    Expr constant = enumType != null && label instanceof com.sun.source.tree.IdentifierTree id
        ? expressions.enumConstant(enumType, id)
        : expressions.lower(label, new ArrayList<>());
    if (selector.type().kind() == IrType.Kind.STRING) {
      return expressions.stringEquals(selector, constant, label);
    }
    return new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.EQUAL, selector, constant,
        IrType.BOOLEAN, label);
  }

  private static Expr anyOf(List<Expr> conditions) {
    Expr result = conditions.get(0);
    for (int i = 1; i < conditions.size(); i++) {
      result = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.OR, result, conditions.get(i),
          IrType.BOOLEAN, null);
    }
    return result;
  }

  private Stmt.Block ruleBody(CaseTree c, boolean isExpression) {
    Tree body = c.getBody();
    if (isExpression && body instanceof ExpressionTree e) {
      List<Stmt> out = new ArrayList<>();
      Expr value = expressions.lower(e, out);
      out.add(new Stmt.Assign(yieldTarget, value,
          false, e));
      return new Stmt.Block(null, out, c);
    }
    if (body instanceof StatementTree s) {
      return asBlock(s);
    }
    scope.push();
    List<Stmt> out = new ArrayList<>();
    expressionStatement((ExpressionTree) body, out);
    scope.pop();
    return new Stmt.Block(null, out, c);
  }

  private Stmt.Block groupBody(CaseTree c, boolean last) {
    List<? extends StatementTree> statements = c.getStatements();
    int end = statements.size();
    if (end > 0 && statements.get(end - 1) instanceof BreakTree b && b.getLabel() == null) {
      end--;
    } else if (!last && end > 0 && completesNormally(statements.get(end - 1))) {
      problems.error(statements.get(end - 1), "falling through to the next switch case is not"
          + " supported; end this case with break, return or throw");
    }
    scope.push();
    List<Stmt> out = new ArrayList<>();
    for (StatementTree s : statements.subList(0, end)) {
      statement(s, out);
    }
    scope.pop();
    return new Stmt.Block(null, out, c);
  }

  private static boolean completesNormally(StatementTree s) {
    return switch (s.getKind()) {
      case BREAK, CONTINUE, RETURN, THROW, YIELD -> false;
      case BLOCK -> {
        List<? extends StatementTree> inner = ((BlockTree) s).getStatements();
        yield inner.isEmpty() || completesNormally(inner.get(inner.size() - 1));
      }
      case IF -> {
        IfTree i = (IfTree) s;
        yield i.getElseStatement() == null || completesNormally(i.getThenStatement())
            || completesNormally(i.getElseStatement());
      }
      default -> true;
    };
  }

  private void yieldStatement(YieldTree s, List<Stmt> out) {
    if (yieldTarget == null) {
      problems.error(s, "yield outside a switch expression");
      return;
    }
    Expr value = expressions.lower(s.getValue(), out);
    out.add(new Stmt.Assign(yieldTarget, value, false,
        s));
    out.add(new Stmt.Break(yieldLabel, s));
  }
}
