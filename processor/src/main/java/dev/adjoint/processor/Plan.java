package dev.adjoint.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.codegen.TangentMethodWriter;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.MethodBody;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.rules.AdjointCallRule;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * One method to differentiate, and what the round's stages found and made for it: its calling
 * convention, the callees its generated code calls, its adjoint IR, its copy, its forward-mode
 * members. The round's stages fill it in as the method goes through them.
 */
final class Plan {
  final ExecutableElement method;
  final boolean publicApi;
  final Set<String> differentiated;
  final AdjointCallRule rule;
  /** The generated methods of other plans that this plan's generated code calls. */
  final Set<Plan> callees = new LinkedHashSet<>();
  AdjointBody body;
  MethodBody graph;
  boolean queued;
  /** Set when another gradient calls this method's adjoint, which runs it again. */
  boolean calledByGradient;
  /** The first call in the method not known to be pure, and its file. */
  com.sun.source.tree.Tree impureCall;
  CompilationUnitTree unit;
  /** Set for a private method, which generated code calls through a copy of it. */
  boolean needsPrimalCopy;
  /** The body of that copy. */
  MethodBody primal;
  /**
   * The annotation itself is wrong (wrt, say): the body is still checked, so that all its
   * errors are reported in one compilation, but never transformed.
   */
  boolean checkOnly;
  /** What to generate besides the gradient ({@code TANGENT}, {@code HESSIAN}, …). */
  Set<String> modes = Set.of();
  /** The lowered, normalised method and its activity, kept for the forward-mode stage. */
  MethodIr ir;
  Activity activity;
  MethodTree tree;
  /** Set when this method's tangent entry point is generated (its modes or a caller's). */
  boolean wantsJvp;
  boolean forwardDone;
  /** Its forward-mode and second-order members. */
  TangentMethodWriter.Members forward = TangentMethodWriter.Members.none();

  Plan(ExecutableElement method, boolean publicApi, Set<String> differentiated,
      AdjointCallRule rule) {
    this.method = method;
    this.publicApi = publicApi;
    this.differentiated = differentiated;
    this.rule = rule;
  }
}
