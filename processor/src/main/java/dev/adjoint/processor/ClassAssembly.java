package dev.adjoint.processor;

import static dev.adjoint.processor.MethodNames.ownerName;
import static dev.adjoint.processor.MethodNames.sortKey;

import dev.adjoint.processor.abi.CompiledAdjoints;
import dev.adjoint.processor.codegen.GradClassWriter;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The last stage of the round: one generated class per owner, with the members of its
 * differentiated methods ({@link GeneratedMembers}) and copies of its private tables. An owner
 * with a failed method is not generated, nor, transitively, any owner whose generated code would
 * call into it; an owner whose generated class's name is taken is an error.
 */
final class ClassAssembly {
  private final ProcessingEnvironment env;
  private final ProcessorOptions options;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final CompiledAdjoints compiled;
  private final GeneratedMembers members;
  private final Map<ExecutableElement, Plan> plans;
  private final Map<VariableElement, String> tableCopies;
  /** Owners (qualified names) with a method that failed validation or differentiation. */
  private final Set<String> failedOwners;
  private final RoundFailures failures;

  /**
   * @param plans the round's plans
   * @param tableCopies the private tables to copy, with their initializers' text
   * @param failedOwners the owners not to generate, to which this stage adds
   * @param failures where this stage says which owner it works on
   */
  ClassAssembly(ProcessingEnvironment env, ProcessorOptions options, Diagnostics diagnostics,
      CompiledAdjoints compiled, Map<ExecutableElement, Plan> plans,
      Map<VariableElement, String> tableCopies, Set<String> failedOwners,
      RoundFailures failures) {
    this.env = env;
    this.options = options;
    this.elements = env.getElementUtils();
    this.diagnostics = diagnostics;
    this.compiled = compiled;
    this.members = new GeneratedMembers(options, env.getTypeUtils(), diagnostics);
    this.plans = plans;
    this.tableCopies = tableCopies;
    this.failedOwners = failedOwners;
    this.failures = failures;
  }

  void generate() {
    Map<String, List<Plan>> byOwner = new TreeMap<>();
    Map<String, TypeElement> owners = new HashMap<>();
    for (Plan plan : plans.values()) {
      if (!plan.queued) {
        continue;
      }
      byOwner.computeIfAbsent(ownerName(plan.method), k -> new ArrayList<>()).add(plan);
    }
    Map<String, List<GradClassWriter.TableCopy>> tablesByOwner = new HashMap<>();
    tableCopies.forEach((field, init) -> {
      String owner = ((TypeElement) field.getEnclosingElement()).getQualifiedName().toString();
      byOwner.computeIfAbsent(owner, k -> new ArrayList<>());
      tablesByOwner.computeIfAbsent(owner, k -> new ArrayList<>())
          .add(new GradClassWriter.TableCopy(field, init));
    });
    Map<String, TypeElement> gradNames = new HashMap<>();
    Map<String, List<GradClassWriter.Entry>> entriesByOwner = new TreeMap<>();
    for (Map.Entry<String, List<Plan>> owned : byOwner.entrySet()) {
      if (failedOwners.contains(owned.getKey())) {
        continue;
      }
      List<Plan> group = owned.getValue();
      group.sort(Comparator.comparing(p -> sortKey(p.method)));
      TypeElement owner = elements.getTypeElement(owned.getKey());
      failures.at(owner);
      List<GradClassWriter.Entry> entries = members.entries(owner, group);
      if (entries == null || !gradClassNameIsFree(owner, gradNames)) {
        failedOwners.add(owned.getKey());
      } else {
        entriesByOwner.put(owned.getKey(), entries);
      }
    }
    failures.at(null);
    // An owner whose generated code would call into a class that is not generated is not
    // generated either, transitively.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<Plan>> e : byOwner.entrySet()) {
        if (!failedOwners.contains(e.getKey()) && e.getValue().stream()
            .flatMap(p -> p.callees.stream())
            .anyMatch(callee -> failedOwners.contains(ownerName(callee.method)))) {
          failedOwners.add(e.getKey());
          changed = true;
        }
      }
    }
    for (Map.Entry<String, List<GradClassWriter.Entry>> owned : entriesByOwner.entrySet()) {
      if (failedOwners.contains(owned.getKey())) {
        continue;
      }
      TypeElement owner = elements.getTypeElement(owned.getKey());
      failures.at(owner);
      try {
        GradClassWriter.write(owner, options.suffix(), owned.getValue(),
            tablesByOwner.getOrDefault(owned.getKey(), List.of())).writeTo(env.getFiler());
        if (options.summary()) {
          env.getMessager().printMessage(javax.tools.Diagnostic.Kind.NOTE,
              GradClassWriter.summary(owner, options.suffix(), owned.getValue()), owner);
        }
      } catch (IOException | RuntimeException e) {
        diagnostics.error(owner, Problem.WRITE_FAILED, "Adjoint could not write "
            + GradClassWriter.gradClassOf(owner, options.suffix())
            + ": " + e);
      }
    }
    failures.at(null);
  }

  /**
   * Whether the generated class's name is free: not the name of a class of the user's (a class
   * Adjoint generated earlier, found on the class path in an incremental build, is regenerated),
   * nor of the class generated for another owner ({@code A.B_C} and {@code A_B.C} both map to
   * {@code A_B_CGrad}). Reports an error on the owner otherwise.
   */
  private boolean gradClassNameIsFree(TypeElement owner, Map<String, TypeElement> gradNames) {
    String grad = GradClassWriter.gradClassOf(owner, options.suffix()).canonicalName();
    TypeElement earlier = gradNames.putIfAbsent(grad, owner);
    if (earlier != null) {
      diagnostics.error(owner, Problem.NAME_COLLISION,
          "the class Adjoint generates for " + owner.getQualifiedName()
          + " would be " + grad + ", the same as the one it generates for "
          + earlier.getQualifiedName() + "; rename one of the two classes");
      return false;
    }
    TypeElement existing = elements.getTypeElement(grad);
    if (existing != null && !compiled.isGeneratedByAdjoint(existing)) {
      diagnostics.error(owner, Problem.NAME_COLLISION,
          "the class Adjoint generates for " + owner.getQualifiedName()
          + " would be " + grad + ", but the class " + existing.getQualifiedName()
          + " already exists; rename one of the two classes");
      return false;
    }
    return true;
  }
}
