package dev.adjoint.regressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import org.junit.jupiter.api.Test;

/** The fuzzer's findings, as regression tests with exact and finite-difference checks. */
class FuzzFindingsTest {

  @Test
  void switchLabelKeywordBreak() {
    assertEquals(2 * 0.5, FuzzFindingsGrad.switchLabelKeywordBreak(0.5, 0).p(), 0.0); // p * p
    assertEquals(3 * 0.25, FuzzFindingsGrad.switchLabelKeywordBreak(-0.5, 0).p(), 1e-15);
    assertEquals(4 * 0.5, FuzzFindingsGrad.switchLabelKeywordBreak(0.5, 1).p(), 0.0); // 2p^2
    GradientCheck.compare(x -> FuzzFindings.switchLabelKeywordBreak(x[0], 0),
        new double[] {-0.7}, new double[] {FuzzFindingsGrad.switchLabelKeywordBreak(-0.7, 0)
            .p()}).assertWithin(1e-8);
  }

  @Test
  void switchLabelKeywordYield() {
    assertEquals(1.0, FuzzFindingsGrad.switchLabelKeywordYield(3, 0).p(), 0.0);
    assertEquals(6.0, FuzzFindingsGrad.switchLabelKeywordYield(3, 1).p(), 0.0);
  }

  @Test
  void arrayStoreOfInt() {
    // s = sum over i of (a i)^2 + n a: d/da = 2 a (0 + 1) + 2 n
    assertEquals(2 * 1.5 + 2 * 3, FuzzFindingsGrad.arrayStoreOfInt(1.5, 3).a(), 1e-15);
    GradientCheck.compare(x -> FuzzFindings.arrayStoreOfInt(x[0], 3), new double[] {1.5},
        new double[] {FuzzFindingsGrad.arrayStoreOfInt(1.5, 3).a()}).assertWithin(1e-8);
  }
}
