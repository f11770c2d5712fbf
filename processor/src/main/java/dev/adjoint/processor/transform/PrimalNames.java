package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Namer;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Names the variables of the original computation in generated code: a user's name where it is
 * unique and obscures nothing, otherwise a fresh one; the result variable is {@code value}.
 */
public final class PrimalNames {
  private PrimalNames() {}

  /** The names of {@code ir}'s parameters, locals and result, claimed from {@code names}. */
  public static NameTable assign(MethodIr ir, Namer names) {
    Map<Variable, String> table = new IdentityHashMap<>();
    Set<String> obscuring = obscuringNames(ir);
    Set<String> seen = new HashSet<>();
    for (Variable p : ir.parameters()) {
      table.put(p, obscuring.contains(p.sourceName())
          ? names.claim("_" + p.sourceName()) : p.sourceName());
      seen.add(p.sourceName());
    }
    for (Variable v : ir.locals()) {
      if (v.origin() == Variable.Origin.LOCAL && !obscuring.contains(v.sourceName())
          && seen.add(v.sourceName())) {
        table.put(v, v.sourceName());
        names.reserve(v.sourceName());
      } else {
        table.put(v, names.claim((obscuring.contains(v.sourceName()) ? "_" : "")
            + v.sourceName()));
      }
    }
    table.put(ir.result(), names.claim("value"));
    return new NameTable(table);
  }

  /**
   * User names that would obscure a type or package the generated code names: a variable called
   * {@code Math} hides {@code Math.cos}, and one called {@code java} hides even
   * {@code java.lang.Math}. Such variables are renamed in generated code (accessors keep the
   * user's names).
   */
  private static Set<String> obscuringNames(MethodIr ir) {
    Set<String> packageRoots = new HashSet<>(Set.of("java", "javax", "dev", "org", "com", "jdk"));
    packageRoots.add(root(ir.element().getEnclosingElement()));
    IrWalk.statements(ir.body(), s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, n -> {
      if (n instanceof Expr.Call c) {
        packageRoots.add(root(c.method().getEnclosingElement()));
      } else if (n instanceof Expr.FieldRef f) {
        packageRoots.add(root(f.field().getEnclosingElement()));
      }
    })));
    Set<String> obscuring = new HashSet<>();
    List<Variable> all = new ArrayList<>(ir.parameters());
    all.addAll(ir.locals());
    for (Variable v : all) {
      String n = v.sourceName();
      if (Character.isUpperCase(n.charAt(0)) || packageRoots.contains(n)) {
        obscuring.add(n);
      }
    }
    return obscuring;
  }

  private static String root(Element type) {
    Element e = type;
    while (e.getEnclosingElement() != null && e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    String name = e.toString();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
