package dev.adjoint.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.codegen.JacobianMethodWriter;
import dev.adjoint.processor.codegen.RecordJacobianWriter;
import dev.adjoint.processor.codegen.RecordTangentWriter;
import dev.adjoint.processor.codegen.TangentMethodWriter;
import dev.adjoint.processor.codegen.TangentMethodWriter.Members;
import dev.adjoint.processor.codegen.TangentMethodWriter.TangentCode;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.forward.TangentIr;
import dev.adjoint.processor.forward.TangentLowering;
import dev.adjoint.processor.forward.TangentTransform;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.codegen.BytecodeSize;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.TangentBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The forward-mode and second-order stage of one method, after its gradient: the tangent
 * transformation, then the members its modes ask for ({@code mJvp}, {@code mTangent},
 * {@code mHvp}, {@code mHessian}, {@code mJacobian}).
 */
final class ForwardModes {
  private final Diagnostics diagnostics;
  private final RuleTable rules;
  private final Function<TypeElement, ClassName> generatedClass;

  /** What the stage made: the members, and the callees whose tangent entry points they call. */
  record Result(Members members, List<AdjointCallRule> callees) {}

  ForwardModes(Diagnostics diagnostics, RuleTable rules,
      Function<TypeElement, ClassName> generatedClass,
      java.util.function.Predicate<ExecutableElement> jvpAvailable,
      java.util.function.Predicate<ExecutableElement> adjointJvpAvailable) {
    this.diagnostics = diagnostics;
    this.rules = rules;
    this.generatedClass = generatedClass;
    this.jvpAvailable = jvpAvailable;
    this.secondOrder = new SecondOrderModes(diagnostics, rules, generatedClass, jvpAvailable,
        adjointJvpAvailable);
  }

  private final SecondOrderModes secondOrder;

  /** Whether a callee's tangent entry point is (or will be) generated. */
  private final java.util.function.Predicate<ExecutableElement> jvpAvailable;

  /**
   * Reports each call to a callee compiled elsewhere without a tangent entry point: its class
   * must be compiled with the tangent mode too.
   */
  private void calleesHaveTangents(TangentIr tangent, MethodProblems problems) {
    tangent.origins().forEach((node, at) -> {
      if (node instanceof Expr.TangentCall call
          && !jvpAvailable.test(call.callee())) {
        problems.error(at, Problem.MISSING_TANGENT_ENTRY,
            "forward mode calls '" + call.callee().getSimpleName() + "', which"
            + " was compiled without its tangent entry point "
            + TangentAbi.entryName(call.callee().getSimpleName())
            + "; compile its class with @Differentiable(modes = Mode.TANGENT) or"
            + " -Aadjoint.modes=gradient,tangent");
      }
    });
  }

  Result generate(ExecutableElement method, MethodIr ir, Activity activity,
      CompilationUnitTree unit, MethodTree tree, AdjointCallRule rule, Set<String> modes,
      boolean wantsJvp, Function<String, String> recordName, int checkpointEvery,
      List<String> differentiatedNames) {
    FlatParameters flat = FlatParameters.of(method, Set.copyOf(differentiatedNames));
    boolean records = flat.hasRecords() || flat.hasSelf();
    if (!method.getModifiers().contains(Modifier.STATIC) && !flat.hasSelf()) {
      diagnostics.error(method, Problem.MODE_UNSUPPORTED,
          "forward mode and second order do not support '" + method.getSimpleName()
          + "', an instance method whose receiver Adjoint does not differentiate; make it a"
          + " static method taking the receiver's components, or leave out the modes beyond"
          + " the gradient");
      return new Result(Members.none(), List.of());
    }
    MethodProblems problems = new MethodProblems(diagnostics, unit);
    Set<String> names = SourceNames.identifiers(tree);
    Set<String> labels = SourceNames.labels(tree);
    try {
      TangentIr tangent = TangentTransform.transform(ir, activity, rules, problems, names);
      calleesHaveTangents(tangent, problems);
      if (problems.any()) {
        return new Result(Members.none(), List.of());
      }
      ClassName grad = generatedClass.apply((TypeElement) method.getEnclosingElement());
      Members members = Members.none();
      Set<AdjointCallRule> callees = new java.util.LinkedHashSet<>(tangent.callees());
      TangentCode code = null;
      // a method with mHvp gets the tangent entry points that its own calls would need
      boolean jvp = wantsJvp || modes.contains("HESSIAN");
      if (jvp) {
        TangentBody body = TangentLowering.lower(tangent, rules, problems, names, labels);
        if (problems.any() || tooLarge(method, "its tangent", body.body().stmts())) {
          return new Result(Members.none(), List.of());
        }
        code = TangentCode.of(body, generatedClass);
        if (records) { // over the leaves, as the adjoint entry point takes them
          members = new Members(List.of(), List.of(RecordTangentWriter.jvp(method, flat, code)));
          if (modes.contains("TANGENT")) {
            members = members.plus(RecordTangentWriter.tangent(grad, method, flat, code,
                recordName.apply("Tangent")));
          }
        } else {
          members = members.plus(new Members(List.of(),
              List.of(TangentMethodWriter.jvp(method, rule.abi(), code))));
          if (modes.contains("TANGENT")) {
            members = members.plus(TangentMethodWriter.tangent(grad, method, rule.abi(), code,
                recordName.apply("Tangent")));
          }
        }
      }
      FlatParameters leaves = records ? flat : null;
      if (jvp) {
        Members adjointJvp = secondOrder.adjointTangent(method, ir, activity, tangent, unit,
            tree, rule.abi(), leaves, checkpointEvery, callees, modes.contains("HESSIAN"));
        if (adjointJvp == null) {
          return new Result(Members.none(), List.of());
        }
        members = members.plus(adjointJvp);
      }
      if (modes.contains("HESSIAN")) {
        members = members.plus(secondOrder.hessian(method, ir, activity, tangent, tree,
            rule.abi(), differentiatedNames, leaves, grad, recordName, checkpointEvery, problems,
            callees));
      }
      if (modes.contains("JACOBIAN")) {
        members = members.plus(jacobian(method, rule, code, grad, recordName, leaves));
      }
      return new Result(members, List.copyOf(callees));
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      InternalFailures.forwardModeFailed(diagnostics, method, e);
      return new Result(Members.none(), List.of());
    }
  }

  /**
   * A tangent of an adjoint entry point made after its method's stage, when a second-order body
   * met later calls it: its members (null after an error) and the callees they call.
   */
  record Late(ExecutableElement method, Members members, List<AdjointCallRule> callees) {}

  /** The tangents of adjoint entry points that second-order bodies made so far call, late. */
  List<Late> lateAdjointTangents() {
    List<Late> out = new java.util.ArrayList<>();
    for (ExecutableElement method : secondOrder.lateRequired()) {
      Set<AdjointCallRule> callees = new java.util.LinkedHashSet<>();
      Members made;
      try {
        made = secondOrder.makeLate(method, callees);
      } catch (RuntimeException | StackOverflowError | AssertionError e) {
        InternalFailures.forwardModeFailed(diagnostics, method, e);
        made = null;
      }
      out.add(new Late(method, made, List.copyOf(callees)));
    }
    return out;
  }

  /** {@code mJacobian}, over {@code flat}'s leaves when it is not null. */
  private Members jacobian(ExecutableElement method, AdjointCallRule rule, TangentCode code,
      ClassName grad, Function<String, String> recordName, FlatParameters flat) {
    if (!method.getReturnType().toString().equals("double[]")) {
      diagnostics.error(method, Problem.RETURN_TYPE,
          "Mode.JACOBIAN needs a method returning double[]; '"
          + method.getSimpleName() + "' returns " + method.getReturnType() + ": its gradient is"
          + " its Jacobian (use Mode.HESSIAN for second derivatives)");
      return Members.none();
    }
    if (flat != null) {
      return RecordJacobianWriter.write(grad, method, flat, code, recordName.apply("Jacobian"),
          recordName.apply("Gradient"));
    }
    return JacobianMethodWriter.write(grad, method, rule.abi(), code,
        recordName.apply("Jacobian"), recordName.apply("Gradient"));
  }

  /** Reports a body too large to compile as one method, by the gradient's bytecode limit. */
  private boolean tooLarge(ExecutableElement method, String what, List<Stmt> stmts) {
    if (BytecodeSize.of(stmts) <= BytecodeLimits.GRADIENT_BYTECODE_LIMIT) {
      return false;
    }
    diagnostics.error(method, Problem.TOO_LARGE,
        "'" + method.getSimpleName() + "' is too large for " + what
        + " to be one method: it would exceed the JVM's 64 KB limit on the bytecode of a"
        + " method; split it into smaller methods, or leave out the modes beyond the gradient");
    return true;
  }

  /** The signatures of {@code members}' methods, for the collision check of generated members. */
  static Map<String, String> signatures(Members members) {
    Map<String, String> out = new LinkedHashMap<>();
    for (MethodSpec m : members.methods()) {
      out.put(m.name() + "(" + m.parameters().stream().map(p -> p.type().toString())
          .collect(Collectors.joining(", ")) + ")", "forward-mode method");
    }
    return out;
  }
}
