package dev.adjoint.processor;

import dev.adjoint.processor.diag.Problem;
import com.palantir.javapoet.ClassName;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.codegen.AdjointTangentWriter;
import dev.adjoint.processor.codegen.BytecodeSize;
import dev.adjoint.processor.codegen.HessianMethodWriter;
import dev.adjoint.processor.codegen.HvpIntoWriter;
import dev.adjoint.processor.codegen.RecordHessianWriter;
import dev.adjoint.processor.codegen.TangentMethodWriter.Members;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.forward.AdjointEntryTangent;
import dev.adjoint.processor.forward.ForwardOverReverse;
import dev.adjoint.processor.forward.TangentIr;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The second-order members of the methods of one round, by forward over reverse: {@code mHvp}
 * and {@code mHessian} for {@code Mode.HESSIAN}, and the tangent of the adjoint entry point
 * ({@code mAdjointJvp}), which the {@code mHvp} of callers call (transitively, recursion
 * included). A method's {@code mAdjointJvp} is made, with its errors reported, when a
 * second-order body calls it (met before the method, or after it: then late, see
 * {@link #lateRequired()}); a method with {@code Mode.HESSIAN} offers it to callers compiled
 * elsewhere, made when it can be, silently, and a caller met later that needs the missing one
 * reports it. A tangent-only method gets none.
 */
final class SecondOrderModes {
  private final Diagnostics diagnostics;
  private final RuleTable rules;
  private final Function<TypeElement, ClassName> generatedClass;
  private final Predicate<ExecutableElement> jvpAvailable;
  private final Predicate<ExecutableElement> adjointJvpAvailable;
  private final Set<ExecutableElement> required = new HashSet<>();
  private final Set<ExecutableElement> without = new HashSet<>();

  SecondOrderModes(Diagnostics diagnostics, RuleTable rules,
      Function<TypeElement, ClassName> generatedClass, Predicate<ExecutableElement> jvpAvailable,
      Predicate<ExecutableElement> adjointJvpAvailable) {
    this.diagnostics = diagnostics;
    this.rules = rules;
    this.generatedClass = generatedClass;
    this.jvpAvailable = jvpAvailable;
    this.adjointJvpAvailable = adjointJvpAvailable;
  }

  /** What {@link #adjointTangent} needs, kept for a method whose callers may require it later. */
  private record Request(ExecutableElement method, MethodIr ir, Activity activity,
      TangentIr tangent, CompilationUnitTree unit, MethodTree tree, AdjointAbi abi,
      FlatParameters flat, int checkpointEvery) {}

  private final Map<ExecutableElement, Request> deferred = new LinkedHashMap<>();

  /**
   * {@code mAdjointJvp} of {@code method} when a second-order body met so far calls it, or
   * when {@code offered} (a method with {@code Mode.HESSIAN}, whose callers compiled elsewhere
   * may call it): otherwise none, and the request is kept for {@link #lateRequired()}, so that
   * tangent-only users get no second-order code. Null after an error; adds the callees it calls
   * to {@code callees}.
   */
  Members adjointTangent(ExecutableElement method, MethodIr ir, Activity activity,
      TangentIr tangent, CompilationUnitTree unit, MethodTree tree, AdjointAbi abi,
      FlatParameters flat, int checkpointEvery, Set<AdjointCallRule> callees, boolean offered) {
    Request request = new Request(method, ir, activity, tangent, unit, tree, abi, flat,
        checkpointEvery);
    if (!offered && !required.contains(method)) {
      deferred.put(method, request);
      return Members.none();
    }
    return adjointTangent(request, callees);
  }

  /** The methods whose mAdjointJvp was left out and that second-order bodies now call. */
  List<ExecutableElement> lateRequired() {
    return deferred.keySet().stream().filter(required::contains).toList();
  }

  /** The late {@code mAdjointJvp} of a method {@link #lateRequired()} gave; null after an error. */
  Members makeLate(ExecutableElement method, Set<AdjointCallRule> callees) {
    return adjointTangent(deferred.remove(method), callees);
  }

  private Members adjointTangent(Request r, Set<AdjointCallRule> callees) {
    ExecutableElement method = r.method();
    MethodIr ir = r.ir();
    Activity activity = r.activity();
    TangentIr tangent = r.tangent();
    CompilationUnitTree unit = r.unit();
    MethodTree tree = r.tree();
    AdjointAbi abi = r.abi();
    int checkpointEvery = r.checkpointEvery();
    FlatParameters flat = r.flat();
    // an mHvp of its own does not call it (unless through recursion, which requires it)
    boolean needed = required.contains(method);
    MethodProblems problems = new MethodProblems(diagnostics, unit);
    if (!needed) {
      problems.mute();
    }
    AdjointEntryTangent.Result made;
    try {
      made = AdjointEntryTangent.transform(ir, activity, tangent, abi, rules, problems,
          SourceNames.identifiers(tree), SourceNames.labels(tree),
          checkpointEvery);
    } catch (RuntimeException e) {
      if (needed) {
        throw e;
      }
      made = null;
    }
    if (made == null || problems.any() || !needed && tooLarge(made.body().all())
        || !callable(method, made.adjointCallees(), needed)) {
      without.add(method);
      return needed ? null : Members.none();
    }
    if (needed && tooLarge(method, "the tangent of its adjoint", made.body().all())) {
      return null;
    }
    callees.addAll(made.callees());
    made.adjointCallees().forEach(c -> required.add(c.method()));
    return new Members(List.of(), List.of(AdjointTangentWriter.write(method, abi, made.body(),
        generatedClass, flat)));
  }

  /** {@code mHvp}, {@code mHessian} and {@code mHvpInto}, or none after an error. */
  Members hessian(ExecutableElement method, MethodIr ir, Activity activity, TangentIr tangent,
      MethodTree tree, AdjointAbi abi, List<String> differentiatedNames, FlatParameters flat,
      ClassName grad,
      Function<String, String> recordName, int checkpointEvery, MethodProblems problems,
      Set<AdjointCallRule> callees) {
    if (!method.getReturnType().toString().equals("double")) {
      diagnostics.error(method, Problem.RETURN_TYPE,
          "Mode.HESSIAN needs a method returning double; '"
          + method.getSimpleName() + "' returns " + method.getReturnType() + ": use"
          + " Mode.JACOBIAN for a method returning double[]");
      return Members.none();
    }
    Set<String> names = SourceNames.identifiers(tree);
    ForwardOverReverse.Result hvp = ForwardOverReverse.transform(ir, activity, tangent, rules,
        problems, names, SourceNames.labels(tree), checkpointEvery);
    if (hvp == null || problems.any()
        || tooLarge(method, "its Hessian-vector product", hvp.body().all())
        || !callable(method, hvp.adjointCallees(), true)) {
      return Members.none();
    }
    for (AdjointCallRule callee : hvp.callees()) {
      if (!jvpAvailable.test(callee.method())) {
        diagnostics.error(method, Problem.MISSING_TANGENT_ENTRY,
            "mHvp of '" + method.getSimpleName() + "' calls the tangent"
            + " entry point of '" + callee.method().getSimpleName() + "', which was compiled"
            + " without it; compile its class with @Differentiable(modes = Mode.TANGENT) or"
            + " -Aadjoint.modes=gradient,tangent");
        return Members.none();
      }
    }
    callees.addAll(hvp.callees());
    hvp.adjointCallees().forEach(c -> required.add(c.method()));
    Members members = flat != null
        ? RecordHessianWriter.write(grad, method, flat, hvp.body(), recordName.apply("Hvp"),
            recordName.apply("Hessian"), names, generatedClass)
        : HessianMethodWriter.write(grad, method, hvp.body(), differentiatedNames,
            recordName.apply("Hvp"), recordName.apply("Hessian"), names, generatedClass);
    // mHvpInto: mAdjointJvp's sweeps with the seed 1 folded in; it calls what mHvp calls
    AdjointEntryTangent.Result into = AdjointEntryTangent.unitSeed(ir, activity, tangent, abi,
        rules, problems, names, SourceNames.labels(tree), checkpointEvery);
    if (into == null || problems.any()
        || tooLarge(method, "its Hessian-vector product into caller arrays", into.body().all())
        || !callable(method, into.adjointCallees(), true)) {
      return Members.none();
    }
    callees.addAll(into.callees());
    into.adjointCallees().forEach(c -> required.add(c.method()));
    return members.plus(new Members(List.of(), List.of(HvpIntoWriter.write(method, abi,
        into.body(), generatedClass, flat))));
  }

  /**
   * Whether each callee's {@code mAdjointJvp} can be called; with {@code report}, an error on
   * {@code method} for each that cannot.
   */
  private boolean callable(ExecutableElement method, List<AdjointCallRule> callees,
      boolean report) {
    boolean ok = true;
    for (AdjointCallRule callee : callees) {
      ExecutableElement g = callee.method();
      String why = without.contains(g) ? "its own second derivatives cannot be generated; give '"
              + g.getSimpleName() + "' @Differentiable(modes = Mode.HESSIAN) to see why"
          : !adjointJvpAvailable.test(g) ? "its class was compiled without the tangent of its"
              + " adjoint entry point, " + dev.adjoint.processor.abi.TangentAbi
              .adjointEntryName(g.getSimpleName()) + "; compile it with"
              + " @Differentiable(modes = Mode.HESSIAN) or -Aadjoint.modes=gradient,hessian"
          : null;
      if (why != null) {
        ok = false;
        if (report) {
          diagnostics.error(method, Problem.MODE_UNSUPPORTED,
              "mHvp and mHessian of '" + method.getSimpleName()
              + "' cannot differentiate through its call to '" + g.getSimpleName() + "': "
              + why);
        }
      }
    }
    return ok;
  }

  private static boolean tooLarge(List<Stmt> stmts) {
    return BytecodeSize.of(stmts) > BytecodeLimits.GRADIENT_BYTECODE_LIMIT;
  }

  /** Reports a body too large to compile as one method, by the gradient's bytecode limit. */
  private boolean tooLarge(ExecutableElement method, String what, List<Stmt> stmts) {
    if (!tooLarge(stmts)) {
      return false;
    }
    diagnostics.error(method, Problem.TOO_LARGE,
        "'" + method.getSimpleName() + "' is too large for " + what
        + " to be one method: it would exceed the JVM's 64 KB limit on the bytecode of a"
        + " method; split it into smaller methods, or leave out the modes beyond the gradient");
    return true;
  }
}
