package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ComputationGraphTest {

  /** J = (w * x)^2 by hand: nodes w, x, c = w * x, J = c * c. */
  private static ComputationGraph square(double w, double x) {
    ComputationGraph g = new ComputationGraph("J");
    int wn = g.input("w", w);
    int xn = g.input("x", x);
    int c = g.node("c", "w * x", w * x, new int[] {wn, xn}, new double[] {x, w});
    int j = g.node("J", "c * c", w * x * w * x, new int[] {c, c, -1},
        new double[] {w * x, w * x, 99});
    return g.backward(j);
  }

  @Test
  void backwardSumsOverUsesAndSkipsConstants() {
    ComputationGraph g = square(2, 3);
    assertEquals(1, g.last("J").adjoint(), 0.0);
    assertEquals(12, g.last("c").adjoint(), 0.0);
    assertEquals(36, g.last("w").adjoint(), 0.0);
    assertEquals(24, g.last("x").adjoint(), 0.0);
    assertArrayEquals(new int[] {2, 2}, g.last("J").inputs(), "the constant input is left out");
    assertEquals(3, g.output());
  }

  @Test
  void adjointsAreUnknownUntilBackward() {
    ComputationGraph g = new ComputationGraph("f");
    g.input("a", 1);
    assertEquals(Double.NaN, g.nodes().get(0).adjoint());
    assertThrows(IllegalArgumentException.class, () -> g.last("b"));
    assertThrows(IllegalArgumentException.class,
        () -> g.node("c", "a", 1, new int[] {0}, new double[0]));
  }

  @Test
  void labelsNameTheVariableOnce() {
    assertEquals("c = w * x", ComputationGraph.assignment("c", "w * x"));
    assertEquals("c = w * x", ComputationGraph.assignment("c", "double c = w * x"));
    assertEquals("c = w * x", ComputationGraph.assignment("c", "c = w * x"));
    assertEquals("s += w[i] * x", ComputationGraph.assignment("s", "s += w[i] * x"));
    assertEquals("cost = 0.5 * d * d", ComputationGraph.assignment("cost", "return 0.5 * d * d"));
    assertEquals("i++", ComputationGraph.assignment("i", "i++"));
    assertEquals("ok = c == d", ComputationGraph.assignment("ok", "boolean ok = c == d"));
    assertEquals("b = c == d", ComputationGraph.assignment("b", "c == d"));
    assertEquals("cd = c * d", ComputationGraph.assignment("cd", "double cd = c * d"));
  }

  @Test
  void renderers() {
    ComputationGraph g = square(2, 3);
    assertEquals("""
        digraph "J" {
          rankdir=LR;
          node [fontname="Helvetica"];
          n0 [shape=box, label="w\\nvalue 2\\ndJ/dw 36"];
          n1 [shape=box, label="x\\nvalue 3\\ndJ/dx 24"];
          n2 [shape=ellipse, label="c = w * x\\nvalue 6\\ndJ/dc 12"];
          n3 [shape=doublecircle, label="J = c * c\\nvalue 36\\ndJ/dJ 1"];
          n0 -> n2 [label="3"];
          n1 -> n2 [label="2"];
          n2 -> n3 [label="6"];
          n2 -> n3 [label="6"];
        }
        """, g.toDot());
    assertEquals("""
        flowchart LR
          n0["w<br/>value 2<br/>dJ/dw 36"]
          n1["x<br/>value 3<br/>dJ/dx 24"]
          n2("c = w * x<br/>value 6<br/>dJ/dc 12")
          n3(("J = c * c<br/>value 36<br/>dJ/dJ 1"))
          n0 -- "3" --> n2
          n1 -- "2" --> n2
          n2 -- "6" --> n3
          n2 -- "6" --> n3
        """, g.toMermaid());
    assertEquals("""
        #  node  operation  value  adjoint dJ/dnode  inputs (local partial)
        -  ----  ---------  -----  ----------------  ----------------------
        0  w     input          2                36
        1  x     input          3                24
        2  c     w * x          6                12  #0 (3), #1 (2)
        3  J     c * c         36                 1  #2 (6), #2 (6)
        """, g.toTable());
  }
}
