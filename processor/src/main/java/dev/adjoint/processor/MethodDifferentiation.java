package dev.adjoint.processor;

import static dev.adjoint.processor.DifferentiableAnnotations.checkpointEvery;
import static dev.adjoint.processor.DifferentiableAnnotations.differentiableMirror;
import static dev.adjoint.processor.DifferentiableAnnotations.graphRequest;
import static dev.adjoint.processor.SourceNames.identifiers;
import static dev.adjoint.processor.SourceNames.labels;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.frontend.MethodLowering;
import dev.adjoint.processor.frontend.Symbols;
import dev.adjoint.processor.ir.MethodBody;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.normalize.EvaluateOnce;
import dev.adjoint.processor.normalize.HoistLoopAllocations;
import dev.adjoint.processor.normalize.ParameterArrayCopies;
import dev.adjoint.processor.normalize.WritingCallGuards;
import dev.adjoint.processor.normalize.ParameterReferences;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.transform.GraphTrace;
import dev.adjoint.processor.transform.ReverseTransform;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The reverse-mode pipeline of one method: front end (tree to method IR), normalisation,
 * analyses, the reverse transformation to adjoint IR, the size check, and the computation graph
 * where one is asked for. What it makes goes into the method's {@link Plan}; what it finds wrong
 * is an error on the method, never a javac crash.
 */
final class MethodDifferentiation {
  private final ProcessorOptions options;
  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final RuleTable rules;
  private final PrimalCopies copies;

  MethodDifferentiation(ProcessorOptions options, Trees trees, Elements elements, Types types,
      Diagnostics diagnostics, RuleTable rules, PrimalCopies copies) {
    this.options = options;
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.rules = rules;
    this.copies = copies;
  }

  void differentiate(Plan plan) {
    ExecutableElement method = plan.method;
    TreePath path = trees.getPath(method);
    if (path == null) {
      diagnostics.error(method, Problem.NO_SOURCE,
          "Adjoint cannot read the source of '" + method.getSimpleName()
          + "'");
      return;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    MethodTree tree = (MethodTree) path.getLeaf();
    MethodProblems problems = new MethodProblems(diagnostics, unit);
    try {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      Symbols symbols = new Symbols(elements, types, unit, owner);
      MethodIr ir = new MethodLowering(symbols, problems, method, tree, unit)
          .checkingRecords(r -> RecordParameters.problemWith(r, elements, trees))
          .withSources(m -> trees.getTree(m) != null)
          .lower(plan.differentiated);
      if (problems.failedSilently()) {
        return; // javac's own error stands alone
      }
      ir = dev.adjoint.processor.normalize.CallResultWrites.apply(ir, rules, problems);
      ir = dev.adjoint.processor.normalize.ChosenReturnedArrays.apply(ir, rules);
      copies.requirePrimalCopies(ir);
      copies.requireTableCopies(ir, problems);
      if (problems.any() || plan.checkOnly) {
        // The activity analysis still runs, so that its errors are reported in the same
        // compilation; rejected expressions are inactive literals in the IR.
        try {
          Activity.analyze(ir, rules, problems);
        } catch (RuntimeException e) {
          // follow-on trouble from an expression already reported: nothing to add
        }
        return;
      }
      ir = HoistLoopAllocations.apply(ir, elements, problems);
      ir = ParameterReferences.apply(ir, problems, plan.publicApi, rules);
      ir = plan.publicApi ? ParameterArrayCopies.apply(ir, elements, problems, rules) : ir;
      ir = WritingCallGuards.apply(ir, rules, elements);
      ir = EvaluateOnce.apply(ir, rules, problems);
      ir = dev.adjoint.processor.normalize.StoredCallResults.apply(ir);
      plan.unit = unit;
      plan.impureCall = EvaluateOnce.firstImpureCall(ir, rules).orElse(null);
      Activity activity = Activity.analyze(ir, rules, problems);
      if (problems.any()) {
        return;
      }
      warnAboutDeadParameters(plan, ir, activity);
      plan.ir = ir;
      plan.activity = activity;
      plan.tree = tree;
      plan.body = ReverseTransform.transformFusingSums(ir, activity, rules, problems,
          identifiers(tree), labels(tree), checkpointEvery(method, diagnostics));
      if (!problems.any()
          && BytecodeLimits.gradientTooLarge(diagnostics, method, plan.body.all())) {
        plan.body = null;
        return;
      }
      if (problems.any()) {
        plan.body = null;
      } else {
        addGraph(plan, ir, unit, tree);
      }
    } catch (StackOverflowError e) {
      plan.body = null;
      InternalFailures.tooDeep(diagnostics, method);
    } catch (Exception | AssertionError | LinkageError e) {
      plan.body = null;
      InternalFailures.differentiationFailed(diagnostics, method, e);
    }
  }

  /**
   * Adds the graph method when {@code @Differentiable(graph = true)} or {@code -Aadjoint.graph}
   * asks for one. A method that asks for it by its annotation and cannot have one is an error
   * there: the user would otherwise find a missing {@code mGraph} method at its first call.
   */
  private void addGraph(Plan plan, MethodIr ir, CompilationUnitTree unit, MethodTree tree) {
    AnnotationMirror mirror = differentiableMirror(plan.method);
    AnnotationValue requested = graphRequest(mirror);
    if (plan.publicApi && (options.graph() || requested != null)
        && !dev.adjoint.processor.abi.FlatParameters.of(plan.method, plan.differentiated)
            .hasRecords()) {
      plan.graph = graph(ir, unit, tree);
    }
    if (requested != null && plan.graph == null) {
      diagnostics.error(plan.method, mirror, requested, Problem.GRAPH_UNSUPPORTED,
          "'" + plan.method.getSimpleName()
          + "' cannot have a computation graph: graphs record scalar code only (no arrays),"
          + " take every double parameter as an input (each must reach only calls with a"
          + " derivative) and hold at most a few hundred statements; remove graph = true, or"
          + " graph a scalar part of it");
    }
  }

  /**
   * The body of the method's computation-graph trace, with every double parameter as an input,
   * or null where there is none (arrays, or a parameter outside wrt that reaches a call without
   * a derivative).
   */
  private MethodBody graph(MethodIr ir, CompilationUnitTree unit, MethodTree tree) {
    List<Variable> doubles = ir.parameters().stream()
        .filter(p -> p.type().kind() == dev.adjoint.processor.ir.IrType.Kind.DOUBLE).toList();
    MethodIr everyDouble = new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(),
        doubles, ir.locals(), ir.result(), ir.body());
    MethodProblems quiet = new MethodProblems(diagnostics, unit);
    quiet.mute();
    Activity activity = Activity.analyze(everyDouble, rules, quiet);
    if (quiet.any()) {
      return null;
    }
    MethodBody body = GraphTrace.graph(everyDouble, activity, rules, quiet,
        identifiers(tree), labels(tree));
    return quiet.any() || body == null || !BytecodeLimits.graphFits(body.stmts()) ? null
        : body;
  }

  private void warnAboutDeadParameters(Plan plan, MethodIr ir, Activity activity) {
    if (!plan.publicApi) {
      return;
    }
    dev.adjoint.processor.abi.FlatParameters flat =
        dev.adjoint.processor.abi.FlatParameters.of(plan.method, plan.differentiated);
    // A record is one parameter: warned about only when none of its differentiated components
    // reaches the result (a loss may well leave some of a model's components alone).
    Set<Integer> liveRoots = new HashSet<>();
    for (Variable p : ir.differentiated()) {
      if (activity.influencesResult(p)) {
        liveRoots.add(flat.leaves().get(ir.parameters().indexOf(p)).root());
      }
    }
    Set<Integer> warned = new HashSet<>();
    for (Variable p : ir.differentiated()) {
      var leaf = flat.leaves().get(ir.parameters().indexOf(p));
      if (!activity.influencesResult(p) && !(leaf.inRecord() && liveRoots.contains(leaf.root()))
          && warned.add(leaf.root())) {
        int declared = flat.parameterIndex(leaf.root());
        Element element = declared < 0 ? plan.method
            : plan.method.getParameters().get(declared);
        diagnostics.warning(element, Problem.INDEPENDENT_PARAMETER,
            "the result of '" + plan.method.getSimpleName()
            + "' does not depend on '" + flat.rootNames().get(leaf.root()) + "'; its gradient is"
            + " always 0");
      }
    }
  }
}
