package dev.adjoint.processor;

import static dev.adjoint.processor.SourceNames.identifiers;
import static dev.adjoint.processor.SourceNames.labels;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.frontend.MethodLowering;
import dev.adjoint.processor.frontend.PrivateTables;
import dev.adjoint.processor.frontend.Symbols;
import dev.adjoint.processor.ir.MethodBody;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.normalize.EvaluateOnce;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.transform.ReverseTransform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The private members generated code cannot reach, and their copies beside the gradients: the
 * private methods (and records' instance methods) that differentiated code calls, each lowered
 * again on its own and printed as it is, and the private static final tables of literals it
 * reads.
 */
final class PrimalCopies {
  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final RuleTable rules;
  private final CalleeScheduler schedule;
  private final PrivateTables privateTables;
  /** Private static final tables that generated code reads, with their initializers' text. */
  private final Map<VariableElement, String> tableCopies = new LinkedHashMap<>();

  PrimalCopies(Trees trees, Elements elements, Types types, Diagnostics diagnostics,
      RuleTable rules, CalleeScheduler schedule) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.rules = rules;
    this.schedule = schedule;
    this.privateTables = new PrivateTables(trees);
  }

  /** The tables copied so far, with their initializers' text, in the order they were found. */
  Map<VariableElement, String> tableCopies() {
    return tableCopies;
  }

  /**
   * Private methods (or methods of private classes) that {@code ir} calls: generated code cannot
   * call them, so it calls a copy of each, written beside the gradients.
   */
  void requirePrimalCopies(MethodIr ir) {
    dev.adjoint.processor.ir.IrWalk.statements(ir.body(), s ->
        dev.adjoint.processor.ir.IrWalk.ownExpressions(s, e ->
            dev.adjoint.processor.ir.IrWalk.expressions(e, n -> {
              if (n instanceof dev.adjoint.processor.ir.Expr.Call c && c.receiver() == null) {
                schedule.requirePrimalCopy(c.method());
                // a private @Partial is called by the derivatives of its original
                if (rules.ruleFor(c.method()).orElse(null)
                        instanceof dev.adjoint.processor.rules.PartialsRule partials) {
                  for (int i = 0; i < c.args().size(); i++) {
                    if (partials.differentiableIn(i)) {
                      dev.adjoint.processor.ir.IrWalk.expressions(
                          partials.partial(i, c.args()), d -> {
                            if (d instanceof dev.adjoint.processor.ir.Expr.Call p
                                && p.receiver() == null) {
                              schedule.requirePrimalCopy(p.method());
                            }
                          });
                    }
                  }
                }
              }
            })));
  }

  /**
   * Private static final arrays that {@code ir} reads: generated code reads a copy of each, which
   * is right only for a table of literals that nothing changes.
   */
  void requireTableCopies(MethodIr ir, MethodProblems problems) {
    dev.adjoint.processor.ir.IrWalk.statements(ir.body(), s ->
        dev.adjoint.processor.ir.IrWalk.ownExpressions(s, e ->
            dev.adjoint.processor.ir.IrWalk.expressions(e, n -> {
              if (n instanceof dev.adjoint.processor.ir.Expr.FieldRef f
                  && f.field().getConstantValue() == null && Symbols.isPrivate(f.field())
                  && !tableCopies.containsKey(f.field())) {
                Optional<String> init = privateTables.copyableInitializer(f.field());
                if (init.isPresent()) {
                  tableCopies.put(f.field(), init.get());
                } else {
                  problems.error(f.tree(), Problem.PRIVATE_MEMBER,
                      "the private table '" + f.field().getSimpleName()
                      + "' can be copied into the generated class only when its initializer"
                      + " lists literal values and nothing in the class writes into it or lets"
                      + " it escape; make it package-private");
                }
              }
            })));
  }

  /**
   * The names in the plan's wrt that flatten a record (a record parameter, a component path):
   * the copy takes the same leaves as the entry point, so a call passes both the same arguments.
   */
  private static Set<String> flattenedRecords(Plan plan) {
    Set<String> records = new java.util.LinkedHashSet<>();
    for (String d : plan.differentiated) {
      String root = d.contains(".") ? d.substring(0, d.indexOf('.')) : d;
      if (plan.method.getParameters().stream().anyMatch(p -> p.getSimpleName()
          .contentEquals(root) && dev.adjoint.processor.abi.FlatParameters
              .differentiableRecord(p.asType()).isPresent())) {
        records.add(d);
      }
    }
    return records;
  }

  /** Lowers a private method once more, on its own, and prints it as it is, for its copy. */
  void copyPrimal(Plan plan) {
    ExecutableElement method = plan.method;
    TreePath path = trees.getPath(method);
    CompilationUnitTree unit = path.getCompilationUnit();
    MethodTree tree = (MethodTree) path.getLeaf();
    MethodProblems problems = new MethodProblems(diagnostics, unit);
    try {
      Symbols symbols = new Symbols(elements, types, unit,
          (TypeElement) method.getEnclosingElement());
      MethodIr ir = new MethodLowering(symbols, problems, method, tree, unit)
          .checkingRecords(r -> RecordParameters.problemWith(r, elements, trees))
          .withSources(m -> trees.getTree(m) != null)
          .lower(flattenedRecords(plan));
      requirePrimalCopies(ir);
      requireTableCopies(ir, problems);
      if (!problems.any()) {
        ir = EvaluateOnce.apply(ir, rules, problems);
        MethodBody body = ReverseTransform.primal(ir, rules, problems, identifiers(tree),
            labels(tree));
        plan.primal = problems.any() ? null : body;
      }
    } catch (RuntimeException e) {
      InternalFailures.copyFailed(diagnostics, method, e);
    }
  }
}
