package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.InMemoryCompiler.Diag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A problem in one class never keeps another class from getting its generated class (issue 11):
 * only owners with a failed method, or whose generated code calls one, are skipped.
 */
class OwnerIsolationTest {

  @Test
  void aClassWithAnErrorDoesNotStopTheOthers() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("t.A", """
        package t;

        import dev.adjoint.Differentiable;
        import java.util.function.DoubleUnaryOperator;

        final class A {
          @Differentiable
          static double bad(double w) {
            DoubleUnaryOperator f = x -> x * 2;
            return f.applyAsDouble(1) * w;
          }

          @Differentiable
          static double good(double w) {
            return w * w;
          }
        }
        """);
    sources.put("t.B", """
        package t;

        import dev.adjoint.Differentiable;

        final class B {
          @Differentiable
          static double cube(double w) {
            return w * w * w;
          }
        }
        """);
    sources.put("t.C", """
        package t;

        import dev.adjoint.Differentiable;

        final class C {
          @Differentiable
          static double usesA(double w) {
            return A.good(w) + 1;
          }
        }
        """);
    InMemoryCompiler.Result r = InMemoryCompiler.compile(sources);
    assertNull(r.crash);
    List<Diag> errors = r.errors();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("/t/A.java", errors.get(0).file());
    assertEquals(9, errors.get(0).line());
    assertTrue(errors.get(0).message().startsWith("[adjoint:lambda] lambdas and method"
        + " references are not supported in a @Differentiable method"), errors.get(0).message());
    assertTrue(r.generated.containsKey("t/BGrad.java"), "BGrad: " + r.generated.keySet());
    assertFalse(r.generated.containsKey("t/AGrad.java"), "AGrad has a failed method");
    assertFalse(r.generated.containsKey("t/CGrad.java"), "CGrad would call AGrad");
  }
}
