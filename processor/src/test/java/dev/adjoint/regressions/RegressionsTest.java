package dev.adjoint.regressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Programs that once produced generated code that did not compile: variables named like types
 * or packages the generated code uses, and a local declared without an initializer.
 */
class RegressionsTest {

  @Test
  void variablesNamedLikeTypesAndPackages() {
    double x = 0.7;
    double y = -1.3;
    assertEquals(2 * x * y + 2 * x, // d/dA of (A * y + A) * A
        NamesObscuringGrad.paramNamedArrays(x, y).Arrays(), 1e-15, "paramNamedArrays");
    assertEquals(Math.cos(x * y) * y * y,
        NamesObscuringGrad.localNamedMath(x, y).x(), 1e-15, "localNamedMath");
    assertEquals((y * y + y) + y,
        NamesObscuringGrad.localNamedClass(x, y).x(), 1e-15, "localNamedClass");
    assertEquals(0.0, NamesObscuringGrad.localNamedActivations(x, y).x(), 0.0,
        "relu is flat below 0");
    assertEquals(y * y, NamesObscuringGrad.localNamedActivations(-x, y).x(), 0.0,
        "relu(x*y) * y with x*y > 0");
  }

  @Test
  void localDeclaredWithoutInitializer() {
    assertEquals(4 * 1.5, NoInitGrad.noInit(1.5).w(), 0.0); // d/dw 2w^2
  }
}
