package dev.adjoint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.ComputationGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated computation graphs: every node's value and adjoint, as the seed walks through. */
class GraphTest {

  @Test
  void linearUnitNodesCarryTheSeedsValuesAndAdjoints() {
    double w = 2;
    double x = 3;
    double b = 1;
    double y = 4;
    ComputationGraph g = GraphFixturesGrad.costGraph(w, x, b, y);
    double d = w * x + b - y;
    assertEquals(6, g.last("c").value(), 0.0);
    assertEquals(7, g.last("a").value(), 0.0);
    assertEquals(d, g.last("d").value(), 0.0);
    assertEquals(0.5 * d * d, g.last("cost").value(), 0.0);
    assertEquals(1, g.last("cost").adjoint(), 0.0);
    assertEquals(d, g.last("d").adjoint(), 0.0, "dJ/dd = d");
    assertEquals(d, g.last("a").adjoint(), 0.0, "dJ/da = d");
    assertEquals(d, g.last("c").adjoint(), 0.0, "dJ/dc = d");
    assertEquals(d * x, g.last("w").adjoint(), 0.0, "dJ/dw = d x");
    assertEquals(d, g.last("b").adjoint(), 0.0, "dJ/db = d");
    assertEquals(d * w, g.last("x").adjoint(), 0.0, "every double parameter gets its adjoint");
    assertEquals(-d, g.last("y").adjoint(), 0.0);
    assertEquals(GraphFixturesGrad.cost(w, x, b, y).w(), g.last("w").adjoint(), 0.0);
    List<String> order = g.nodes().stream().map(ComputationGraph.Node::name).toList();
    assertEquals(List.of("w", "x", "b", "y", "c", "a", "d", "cost"), order);
  }

  @Test
  void rendersAsDotMermaidAndTable() {
    ComputationGraph g = GraphFixturesGrad.costGraph(2, 3, 1, 4);
    String dot = g.toDot();
    assertTrue(dot.startsWith("digraph \"cost\" {"), dot);
    assertTrue(dot.contains("n0 -> n4 [label=\"3\"];"), dot); // dc/dw = x
    assertTrue(dot.contains("shape=doublecircle"), dot);
    String mermaid = g.toMermaid();
    assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
    assertTrue(mermaid.contains("n4 -- \"1\" --> n5"), mermaid); // da/dc = 1
    String table = g.toTable();
    assertTrue(table.contains("double d = a - y"), table);
    assertEquals(g.nodes().size() + 2, table.split("\n").length, table);
  }

  @Test
  void loopsContributeOneNodePerIteration() {
    ComputationGraph g = GraphFixturesGrad.powerByLoopGraph(1.5, 4);
    long products = g.nodes().stream().filter(n -> n.name().equals("p")).count();
    assertEquals(5, products, "p = 1, then four products");
    assertEquals(4 * Math.pow(1.5, 3), g.last("a").adjoint(), 1e-12);
    assertEquals(GraphFixturesGrad.powerByLoop(1.5, 4).a(), g.last("a").adjoint(), 1e-12);
  }
}
