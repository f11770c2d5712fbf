package dev.adjoint.processor.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Front end: lowers a method's tree to the IR. This class is the entry point: it declares the
 * parameters and lowers the body through the pieces a {@link LoweringContext} holds (statements
 * by {@link StatementLowering} and the lowerings it hands each kind to, expressions by
 * {@link ExpressionLowering}). Every unsupported construct is reported at its tree and lowering
 * goes on, so one compilation shows every error.
 */
public final class MethodLowering {
  private final Symbols symbols;
  private final ExecutableElement element;
  private final MethodTree tree;
  private final CompilationUnitTree unit;
  private final Scope scope;
  private final RecordLowering records;
  private final LoweringContext context;

  public MethodLowering(Symbols symbols, MethodProblems problems, ExecutableElement element,
      MethodTree tree, CompilationUnitTree unit) {
    this.symbols = symbols;
    this.element = element;
    this.tree = tree;
    this.unit = unit;
    this.context = new LoweringContext(symbols, problems, element, tree, unit);
    this.scope = context.scope();
    this.records = context.records();
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

  /** Sets which callees are differentiated in this compilation (calls pass their records' leaves). */
  public MethodLowering withSources(java.util.function.Predicate<ExecutableElement> hasSource) {
    records.sourcesOf(hasSource);
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
    Stmt.Block body = context.statements().block(tree.getBody(), null);
    context.declarations().checkRowAliases();
    return new MethodIr(element, tree, unit, parameters, differentiated, context.locals(),
        context.result(), body);
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
}
