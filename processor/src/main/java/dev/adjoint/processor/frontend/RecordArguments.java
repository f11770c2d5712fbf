package dev.adjoint.processor.frontend;

import dev.adjoint.processor.diag.Problem;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.abi.CalleeRecords;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * A call's arguments when some of them are records: a record Adjoint flattens here (a record
 * parameter, a record local, {@code this}, a nested component of one) is not a value, so it is
 * kept as its leaves, and laid out once the callee is known: a {@code @Differentiable} callee
 * whose entry point flattens the parameter ({@link CalleeRecords}) takes the leaves in its place,
 * in the same order; a record Adjoint does not flatten ({@code new P(a, b)}, a record parameter
 * outside wrt) is passed to such a parameter as its components, read through its accessors.
 * Everything else that would need the record as a value is an error at the argument.
 */
final class RecordArguments {
  private final LoweringContext context;
  private final MethodProblems problems;
  private final RecordLowering records;
  private final ExpressionLowering expressions;

  RecordArguments(LoweringContext context) {
    this.context = context;
    this.problems = context.problems();
    this.records = context.records();
    this.expressions = context.expressions();
  }

  /**
   * The arguments, lowered in Java's order: {@code values} has a stand-in of the record's type
   * at a flattened record's position (its leaves in {@code flattened}, else null).
   */
  record Lowered(List<ExpressionTree> trees, List<Expr> values,
      List<RecordLowering.Receiver> flattened) {
    boolean hasFlattened() {
      return flattened.stream().anyMatch(r -> r != null);
    }
  }

  Lowered lower(List<? extends ExpressionTree> trees, List<Stmt> out) {
    // Every expression in Java's order, each held if a later one's statements could change it.
    List<Expr> evaluated = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    List<TypeElement> recordTypes = new ArrayList<>();
    for (ExpressionTree t : trees) {
      int before = evaluated.size();
      Optional<TypeElement> record = flattenedRecord(t);
      if (record.isPresent()) {
        evaluated = leaves(t, record.get(), evaluated, out);
      } else {
        evaluated = lowerOne(t, evaluated, out);
      }
      sizes.add(evaluated.size() - before);
      recordTypes.add(record.orElse(null));
    }
    List<Expr> values = new ArrayList<>();
    List<RecordLowering.Receiver> flattened = new ArrayList<>();
    int at = 0;
    for (int k = 0; k < trees.size(); k++) {
      List<Expr> part = evaluated.subList(at, at + sizes.get(k));
      at += sizes.get(k);
      if (recordTypes.get(k) == null) {
        values.add(part.get(0));
        flattened.add(null);
      } else {
        // a stand-in of the record's type, which the layout replaces with the leaves
        values.add(new Expr.Literal(IrType.other(recordTypes.get(k).asType()), "null",
            trees.get(k)));
        flattened.add(new RecordLowering.Receiver(recordTypes.get(k), List.copyOf(part)));
      }
    }
    return new Lowered(List.copyOf(trees), values, flattened);
  }

  private List<Expr> lowerOne(ExpressionTree t, List<Expr> evaluated, List<Stmt> out) {
    int mark = out.size();
    Expr e = expressions.lower(t, out);
    List<Expr> result = new ArrayList<>(expressions.evaluatedBefore(evaluated, out, mark, t));
    result.add(e);
    return result;
  }

  /**
   * The record {@code t} is kept as leaves: a record Adjoint flattens here, or
   * {@code new R(…)} of a differentiable record with such a record among its arguments (its own
   * or nested), which could not be lowered as a value.
   */
  private Optional<TypeElement> flattenedRecord(ExpressionTree t) {
    Optional<RecordLowering.Receiver> root = records.receiver(t);
    if (root.isPresent()) {
      return Optional.of(root.get().type());
    }
    Optional<TypeElement> built = builtRecord(t);
    return built.isPresent() && ((NewClassTree) strip(t)).getArguments().stream()
        .anyMatch(a -> flattenedRecord(a).isPresent()) ? built : Optional.empty();
  }

  /** The record {@code new R(…)} builds, when R is differentiable and every component given. */
  private Optional<TypeElement> builtRecord(ExpressionTree t) {
    if (!(strip(t) instanceof NewClassTree n) || n.getClassBody() != null) {
      return Optional.empty();
    }
    Optional<TypeElement> type = context.symbols().resolveType(n.getIdentifier())
        .flatMap(r -> FlatParameters.differentiableRecord(r.asType()));
    return type.filter(r -> r.getRecordComponents().size() == n.getArguments().size());
  }

  private static ExpressionTree strip(ExpressionTree t) {
    return t instanceof com.sun.source.tree.ParenthesizedTree p ? strip(p.getExpression()) : t;
  }

  /** Appends the leaves of {@code t}, a record of type {@code type}, in declaration order. */
  private List<Expr> leaves(ExpressionTree t, TypeElement type, List<Expr> evaluated,
      List<Stmt> out) {
    Optional<RecordLowering.Receiver> root = records.receiver(t);
    if (root.isPresent()) {
      if (!root.get().type().equals(type)) {
        problems.error(t, Problem.RECORD_USE,
            "this record is a " + root.get().type().getSimpleName() + ", where a "
            + type.getSimpleName() + " is expected");
      }
      List<Expr> result = new ArrayList<>(evaluated);
      result.addAll(root.get().leaves());
      return result;
    }
    if (builtRecord(t).filter(type::equals).isPresent()) {
      List<Expr> result = evaluated;
      List<? extends ExpressionTree> args = ((NewClassTree) strip(t)).getArguments();
      for (int c = 0; c < args.size(); c++) {
        Optional<TypeElement> nested = FlatParameters.differentiableRecord(
            type.getRecordComponents().get(c).asType());
        result = nested.isPresent() ? leaves(args.get(c), nested.get(), result, out)
            : lowerOne(args.get(c), result, out);
      }
      return result;
    }
    // Any other record value: read through its accessors.
    List<Expr> result = lowerOne(t, evaluated, out);
    Expr value = result.remove(result.size() - 1);
    if (!components(value, type, t, result)) {
      result.add(ExpressionLowering.poison(t));
    }
    return result;
  }

  /**
   * The arguments as {@code method}'s entry point and copy take them; null after an error.
   * {@code args} are {@code lowered}'s values, varargs packed (no record is ever packed).
   */
  List<Expr> layOut(ExecutableElement method, Lowered lowered, List<Expr> args) {
    Optional<FlatParameters> flat = records.hasSource(method)
        ? CalleeRecords.flattening(method) : Optional.empty();
    if (flat.isEmpty() && !lowered.hasFlattened()) {
      return args;
    }
    if (method.isVarArgs() && flat.isPresent()) {
      problems.error(lowered.trees().isEmpty() ? null : lowered.trees().get(0), Problem.RECORD_USE,
          "'"
          + method.getSimpleName() + "' takes records as their components and a variable"
          + " number of arguments, which Adjoint cannot lay out together; pass an array instead");
      return null;
    }
    List<Expr> laid = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      RecordLowering.Receiver record = i < lowered.flattened().size()
          ? lowered.flattened().get(i) : null;
      FlatParameters.Node node = flat.isPresent() && i < method.getParameters().size()
          ? flat.get().roots().get(i) : null;
      Tree at = i < lowered.trees().size() ? lowered.trees().get(i) : null;
      if (node instanceof FlatParameters.RecordNode r) {
        if (record != null && !record.type().equals(r.type())) {
          problems.error(at, Problem.RECORD_USE,
              "'" + method.getSimpleName() + "' takes a "
              + r.type().getSimpleName() + " here, not a " + record.type().getSimpleName());
          return null;
        } else if (record != null) {
          laid.addAll(record.leaves());
        } else if (!components(args.get(i), r.type(), at, laid)) {
          return null;
        }
      } else if (record != null) {
        notFlattened(method, i, at);
        return null;
      } else {
        laid.add(args.get(i));
      }
    }
    return laid;
  }

  /**
   * Reports the first record Adjoint flattens among the arguments as a value, when there is one
   * (for a call no method Adjoint can resolve takes); returns whether it reported.
   */
  boolean reportedRecords(Lowered lowered) {
    for (int i = 0; i < lowered.flattened().size(); i++) {
      if (lowered.flattened().get(i) != null) {
        expressions.lower(lowered.trees().get(i), new ArrayList<>()); // the record as a value
        return true;
      }
    }
    return false;
  }

  private void notFlattened(ExecutableElement method, int i, Tree at) {
    if (CalleeRecords.flattening(method).isPresent() || records.hasSource(method)
        && FlatParameters.differentiableRecord(method.getParameters().get(i).asType())
            .isPresent() && isDifferentiable(method)) {
      problems.error(at, Problem.RECORD_USE,
          "'" + method.getSimpleName() + "' does not differentiate its record '"
          + method.getParameters().get(i).getSimpleName() + "' (its wrt leaves it out), so it"
          + " takes the record as an object, which the differentiated components of '" + at
          + "' cannot be passed as; name '" + method.getParameters().get(i).getSimpleName()
          + "' (or a component of it) in its wrt");
      return;
    }
    expressions.lower((ExpressionTree) at, new ArrayList<>()); // reports the record as a value
  }

  private static boolean isDifferentiable(ExecutableElement method) {
    return method.getAnnotationMirrors().stream().anyMatch(a -> ((TypeElement) a
        .getAnnotationType().asElement()).getQualifiedName()
        .contentEquals(dev.adjoint.processor.abi.RuntimeTypes.DIFFERENTIABLE));
  }

  /**
   * A record Adjoint does not flatten, passed where the callee takes the leaves: the arguments
   * of {@code new P(…)} (nested ones too), or the components of a variable or field, read
   * through the accessors. Returns false after an error.
   */
  private boolean components(Expr value, TypeElement type, Tree at, List<Expr> out) {
    if (ExpressionLowering.isPoison(value)) {
      return false; // reported already
    }
    List<? extends RecordComponentElement> comps = type.getRecordComponents();
    if (value instanceof Expr.NewObject n && n.args().size() == comps.size()
        && context.symbols().types().isSameType(n.objectType(),
            context.symbols().types().erasure(type.asType()))) {
      for (int c = 0; c < comps.size(); c++) {
        Optional<TypeElement> inner = FlatParameters.differentiableRecord(comps.get(c).asType());
        if (inner.isPresent()) {
          if (!components(n.args().get(c), inner.get(), at, out)) {
            return false;
          }
        } else {
          out.add(n.args().get(c));
        }
      }
      return true;
    }
    if (!(value instanceof Expr.VarRef || value instanceof Expr.FieldRef
        || value instanceof Expr.Call c && c.args().isEmpty() && isAccessorRead(c))) {
      problems.error(at, Problem.RECORD_USE,
          "a record passed to a parameter whose components are differentiated"
          + " must be a record parameter, a record local, 'new " + type.getSimpleName()
          + "(…)' or a field; assign it to a local record first");
      return false;
    }
    for (RecordComponentElement comp : comps) {
      Expr read = new Expr.Call(comp.getAccessor(), value, List.of(),
          context.symbols().irType(comp.asType()), value.tree());
      Optional<TypeElement> inner = FlatParameters.differentiableRecord(comp.asType());
      if (inner.isPresent()) {
        if (!components(read, inner.get(), at, out)) {
          return false;
        }
      } else {
        out.add(read);
      }
    }
    return true;
  }

  private static boolean isAccessorRead(Expr.Call c) {
    return c.receiver() != null && c.method().getEnclosingElement() instanceof TypeElement t
        && t.getRecordComponents().stream().anyMatch(rc -> c.method().equals(rc.getAccessor()));
  }
}
