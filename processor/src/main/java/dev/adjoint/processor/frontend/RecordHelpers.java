package dev.adjoint.processor.frontend;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Helpers that return a record, inlined where a record local takes their value:
 * {@code s = step(s, dt);} with {@code static State step(State s, double dt) { return new
 * State(...); }} in the same class. The subset inlined is the one whose meaning is plain: a
 * static, non-overloaded, non-recursive method of the class being differentiated whose body is
 * the single statement {@code return new R(...);}, reading only its parameters (scalars, or
 * records of scalars) and calling methods. The arguments are evaluated first, in order, into
 * fresh locals, as Java passes them; the helper's parameter names then stand for those locals
 * while its {@code new R(...)} is lowered like one written in place. Anything else is an error
 * at the call saying what to write instead.
 */
final class RecordHelpers {
  private final Symbols symbols;
  private final MethodProblems problems;
  private final RecordLowering records;
  private final ExpressionLowering expressions;
  private final LoweringContext context;
  private final Scope scope;
  private final CompilationUnitTree unit;
  private final Set<String> inlining = new HashSet<>();
  private int copies;

  RecordHelpers(Symbols symbols, MethodProblems problems, RecordLowering records,
      ExpressionLowering expressions, LoweringContext context, Scope scope,
      CompilationUnitTree unit) {
    this.symbols = symbols;
    this.problems = problems;
    this.records = records;
    this.expressions = expressions;
    this.context = context;
    this.scope = scope;
    this.unit = unit;
  }

  /** What the inlined helper needs from {@link RecordLocals}: flattening its record parameters. */
  interface Flattening {
    /** A fresh node of locals for {@code record}, named from {@code path}. */
    dev.adjoint.processor.abi.FlatParameters.RecordNode node(TypeElement record, String path,
        Tree at);

    /** The locals of a node, in order. */
    List<Variable> leaves(dev.adjoint.processor.abi.FlatParameters.Node node);

    /** Why a record of this type cannot be flattened into locals, or empty. */
    Optional<String> problem(TypeElement record);

    /** Makes {@code name} stand for {@code node} (until the roots are restored). */
    void bind(String name, dev.adjoint.processor.abi.FlatParameters.RecordNode node);

    /**
     * Hides the record locals named {@code names} (an inlined body's, which may reuse the
     * caller's names); the result brings them back.
     */
    Runnable hideLocals(List<String> names);

    /** The leaf values of {@code tree} for {@code node}, or null after an error. */
    List<Expr> leafValues(ExpressionTree tree,
        dev.adjoint.processor.abi.FlatParameters.RecordNode node, List<Stmt> out);
  }

  /**
   * Whether {@code call} is an unqualified call of a method of this class returning
   * {@code record}: one this class may try to inline.
   */
  static boolean isCandidate(ExpressionTree call) {
    return call instanceof MethodInvocationTree m
        && m.getMethodSelect() instanceof IdentifierTree;
  }

  /**
   * The return type of the one method of this class that {@code call} (a candidate) can mean,
   * for {@code var} locals; empty when there is not exactly one.
   */
  Optional<javax.lang.model.type.TypeMirror> returnType(MethodInvocationTree call) {
    String name = ((IdentifierTree) call.getMethodSelect()).getName().toString();
    List<ExecutableElement> candidates = ownMethods(name);
    return candidates.size() == 1 ? Optional.of(candidates.get(0).getReturnType())
        : Optional.empty();
  }

  private List<ExecutableElement> ownMethods(String name) {
    Element owner = context.method().getEnclosingElement();
    return symbols.unqualifiedMethods(name).stream()
        .filter(m -> m.getEnclosingElement().equals(owner)).toList();
  }

  /** The leaf values of the record {@code call} returns, or null after an error. */
  List<Expr> inline(MethodInvocationTree call,
      dev.adjoint.processor.abi.FlatParameters.RecordNode node, Flattening flat,
      List<Stmt> out) {
    String name = ((IdentifierTree) call.getMethodSelect()).getName().toString();
    Element owner = context.method().getEnclosingElement();
    List<ExecutableElement> candidates = ownMethods(name);
    String what = "the record " + node.type().getSimpleName() + " returned by '" + name + "'";
    if (candidates.size() != 1) {
      return fail(call, Problem.RECORD_HELPER,
          what + " can be inlined only from a method declared once in "
          + owner.getSimpleName() + " (not overloaded, not inherited)");
    }
    ExecutableElement helper = candidates.get(0);
    if (!helper.getModifiers().contains(Modifier.STATIC)) {
      return fail(call, Problem.RECORD_HELPER,
          what + " can be inlined only from a static method; make '" + name
          + "' static and pass it what it reads");
    }
    if (helper.getParameters().size() != call.getArguments().size() || helper.isVarArgs()) {
      return fail(call, Problem.RECORD_HELPER,
          what + " cannot be inlined: a varargs helper is not supported");
    }
    if (inlining.contains(name)) {
      return fail(call, Problem.RECORD_HELPER,
          what + " cannot be inlined: '" + name + "' calls itself; write the"
          + " steps as a loop that reassigns the record");
    }
    Optional<RecordHelperBody> body = methodTree(owner, helper).flatMap(RecordHelperBody::of);
    if (body.isEmpty()) {
      return fail(call, Problem.RECORD_HELPER,
          what + " can be inlined only when its body ends with 'return new "
          + node.type().getSimpleName() + "(...);' (after statements that compute locals, if"
          + " any)");
    }
    Set<String> parameters = new HashSet<>();
    for (VariableElement p : helper.getParameters()) {
      parameters.add(p.getSimpleName().toString());
    }
    Optional<String> reads = body.get().problem(parameters,
        q -> symbols.resolveType(q).isPresent());
    if (reads.isPresent()) {
      return fail(call, Problem.RECORD_HELPER,
          what + " cannot be inlined: " + (body.get().statements().isEmpty()
          ? "its 'return new " + node.type().getSimpleName() + "(...)' " : "its body ")
          + reads.get());
    }
    return bindAndLower(call, helper, body.get(), node, flat, out);
  }

  private List<Expr> bindAndLower(MethodInvocationTree call, ExecutableElement helper,
      RecordHelperBody body, dev.adjoint.processor.abi.FlatParameters.RecordNode node,
      Flattening flat, List<Stmt> out) {
    String name = helper.getSimpleName().toString();
    int id = ++copies;
    List<Runnable> bindings = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < helper.getParameters().size(); i++) {
      VariableElement p = helper.getParameters().get(i);
      ExpressionTree arg = call.getArguments().get(i);
      String pname = p.getSimpleName().toString();
      names.add(pname);
      Optional<TypeElement> record =
          dev.adjoint.processor.abi.FlatParameters.differentiableRecord(p.asType());
      if (record.isPresent()) {
        Optional<String> problem = flat.problem(record.get());
        if (problem.isPresent()) {
          return fail(arg, Problem.UNSUPPORTED_RECORD, problem.get());
        }
        var copy = flat.node(record.get(), name + id + "$" + pname, arg);
        List<Expr> values = flat.leafValues(arg, copy, out);
        if (values == null) {
          return null;
        }
        List<Variable> leaves = flat.leaves(copy);
        for (int k = 0; k < leaves.size(); k++) {
          out.add(new Stmt.Assign(leaves.get(k), values.get(k), true, arg));
        }
        bindings.add(() -> flat.bind(pname, copy));
      } else if (p.asType().getKind().isPrimitive()) {
        Expr value = expressions.lower(arg, out);
        if (ExpressionLowering.isPoison(value)) {
          return null;
        }
        Variable local = context.newTemporary(name + id + "$" + pname,
            symbols.irType(p.asType()), arg);
        out.add(new Stmt.Assign(local, value, true, arg));
        bindings.add(() -> scope.declareSynonym(pname, new Expr.VarRef(local, arg)));
      } else {
        String kind = p.asType().getKind() == TypeKind.ARRAY ? "an array" : "an object";
        return fail(arg, Problem.RECORD_HELPER,
            "the record returned by '" + name + "' cannot be inlined: its"
            + " parameter '" + pname + "' is " + kind + "; only scalars and records of scalars"
            + " can be passed to a helper whose record is inlined");
      }
    }
    names.addAll(body.locals());
    scope.push();
    var saved = records.saveRoots(names);
    Runnable restoreLocals = flat.hideLocals(names);
    inlining.add(name);
    try {
      bindings.forEach(Runnable::run);
      // The body's statements run where the call stands, its locals in this scope.
      for (com.sun.source.tree.StatementTree st : body.statements()) {
        context.statements().statement(st, out);
      }
      return flat.leafValues(body.built(), node, out);
    } finally {
      inlining.remove(name);
      restoreLocals.run();
      records.restoreRoots(saved);
      scope.pop();
    }
  }

  private List<Expr> fail(Tree at, Problem problem, String message) {
    problems.error(at, problem, message);
    return null;
  }

  /** The source of {@code helper}, a method of {@code owner}, when it is in this file. */
  private Optional<MethodTree> methodTree(Element owner, ExecutableElement helper) {
    List<MethodTree> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree c, Void unused) {
        if (c.getSimpleName().contentEquals(owner.getSimpleName())) {
          for (Tree member : c.getMembers()) {
            if (member instanceof MethodTree m
                && m.getName().contentEquals(helper.getSimpleName())
                && m.getParameters().size() == helper.getParameters().size()) {
              found.add(m);
            }
          }
        }
        return super.visitClass(c, null);
      }
    }.scan(unit, null);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }
}
