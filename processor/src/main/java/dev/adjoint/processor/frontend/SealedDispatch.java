package dev.adjoint.processor.frontend;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * A call of a method of a sealed interface whose permitted subclasses are records
 * ({@code act.apply(z)} with {@code sealed interface Activation permits Relu, Tanh}): dispatched
 * by type in the IR, {@code if (act.getClass() == Relu.class) t = <Relu's apply> else ...}, each
 * implementation called as a record's method on the receiver's components (read through its
 * accessors; the receiver itself is not differentiated).
 */
final class SealedDispatch {
  private final Symbols symbols;
  private final MethodProblems problems;
  private final LoweringContext context;
  private final RecordLowering records;

  SealedDispatch(Symbols symbols, MethodProblems problems, LoweringContext context,
      RecordLowering records) {
    this.symbols = symbols;
    this.problems = problems;
    this.context = context;
    this.records = records;
  }

  /** The records a sealed interface permits, when {@code type} is such an interface. */
  static Optional<List<TypeElement>> permittedRecords(IrType type) {
    if (type.kind() != IrType.Kind.OTHER || !(type.mirror() instanceof DeclaredType d)
        || !(d.asElement() instanceof TypeElement t) || t.getKind() != ElementKind.INTERFACE
        || !t.getModifiers().contains(Modifier.SEALED)) {
      return Optional.empty();
    }
    List<TypeElement> records = new ArrayList<>();
    for (TypeMirror p : t.getPermittedSubclasses()) {
      if (!(p instanceof DeclaredType pd) || !(pd.asElement() instanceof TypeElement r)
          || r.getKind() != ElementKind.RECORD || !r.getTypeParameters().isEmpty()) {
        return Optional.empty();
      }
      records.add(r);
    }
    return records.isEmpty() ? Optional.empty() : Optional.of(records);
  }

  /**
   * The dispatched call's value (a temporary the statements appended to {@code out} assign), or
   * null after an error.
   */
  Expr call(Tree tree, ExecutableElement method, Expr receiver, List<Expr> args,
      List<TypeElement> records, boolean canHoist, List<Stmt> out) {
    if (!canHoist) {
      problems.error(tree, Problem.SEALED_DISPATCH, "a call dispatched on the sealed interface "
          + method.getEnclosingElement().getSimpleName() + " is not supported inside ?:, && or"
          + " ||, nor in a loop condition; assign its result to a local variable first");
      return null;
    }
    if (!(receiver instanceof Expr.VarRef)) {
      problems.error(tree, Problem.SEALED_DISPATCH, "a call dispatched on the sealed interface "
          + method.getEnclosingElement().getSimpleName() + " needs its receiver in a variable;"
          + " assign it to a local variable first");
      return null;
    }
    List<ExecutableElement> implementations = new ArrayList<>();
    for (TypeElement r : records) {
      Optional<String> problem = this.records.problemWith(r);
      if (problem.isPresent()) {
        problems.error(tree, Problem.UNSUPPORTED_RECORD, problem.get());
        return null;
      }
      Optional<ExecutableElement> impl = ElementFilter.methodsIn(r.getEnclosedElements()).stream()
          .filter(m -> m.getSimpleName().equals(method.getSimpleName())
              && m.getParameters().size() == method.getParameters().size()
              && !m.getModifiers().contains(Modifier.STATIC))
          .findFirst();
      String returned = method.getReturnType().toString();
      if (impl.isEmpty() || !RecordLowering.isRecordMethod(impl.get())
          || !returned.equals("double")) {
        problems.error(tree, Problem.SEALED_DISPATCH, "a call dispatched on the sealed interface "
            + method.getEnclosingElement().getSimpleName() + " is differentiated when every"
            + " permitted record implements '" + method.getSimpleName() + "' itself and it"
            + " returns double; " + r.getSimpleName() + " does not");
        return null;
      }
      implementations.add(impl.get());
    }
    Variable result = context.newTemporary("dispatched", IrType.DOUBLE, tree);
    ExecutableElement getClass = symbols.methods(
        symbols.elements().getTypeElement("java.lang.Object"), "getClass").get(0);
    Stmt.Block chain = null;
    for (int i = records.size() - 1; i >= 0; i--) {
      TypeElement r = records.get(i);
      List<Expr> all = new ArrayList<>(args);
      all.addAll(leaves(r, new Expr.Cast(symbols.irType(r.asType()), receiver, tree), tree));
      Stmt assign = new Stmt.Assign(result,
          new Expr.Call(implementations.get(i), null, all, IrType.DOUBLE, tree), false, tree);
      Stmt.Block branch = new Stmt.Block(null, List.of(assign), null);
      if (chain == null) {
        chain = branch; // the last permitted record: the only type left
        continue;
      }
      Expr test = new Expr.Binary(BinaryOp.EQUAL,
          new Expr.Call(getClass, receiver, List.of(), IrType.other(getClass.getReturnType()),
              tree),
          new Expr.Literal(IrType.other(getClass.getReturnType()),
              symbols.classLiteralText(r.asType()).orElse(r.getQualifiedName() + ".class"),
              tree),
          IrType.BOOLEAN, tree);
      chain = new Stmt.Block(null, List.of(new Stmt.If(test, branch, chain, tree)), null);
    }
    out.addAll(chain.stmts());
    return new Expr.VarRef(result, tree);
  }

  /** The receiver's components as {@code r}'s method takes them, read through accessors. */
  private List<Expr> leaves(TypeElement r, Expr receiver, Tree tree) {
    List<Expr> out = new ArrayList<>();
    ExecutableElement any = ElementFilter.methodsIn(r.getEnclosedElements()).stream()
        .filter(m -> !m.getModifiers().contains(Modifier.STATIC)).findFirst().orElse(null);
    if (any == null) {
      return out;
    }
    FlatParameters flat = FlatParameters.of(any, Set.of());
    for (FlatParameters.Leaf leaf : flat.leaves()) {
      if (leaf.root() != flat.roots().size() - 1 || !flat.hasSelf()) {
        continue;
      }
      Expr e = receiver;
      for (ExecutableElement accessor : leaf.accessors()) {
        e = new Expr.Call(accessor, e, List.of(), symbols.irType(accessor.getReturnType()), tree);
      }
      out.add(e);
    }
    return out;
  }
}
