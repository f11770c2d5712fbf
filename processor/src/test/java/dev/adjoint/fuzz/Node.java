package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a generated program: a block of statements, a statement or an expression. Statements
 * and expressions are templates whose {@code @k@} holes are filled by the k-th kid; blocks render
 * their fixed {@link #header} lines (never removed by the shrinker) followed by their statements.
 * The tree is only a vehicle for rendering and shrinking, not a Java AST.
 */
final class Node {
  enum Sort { BLOCK, STMT, EXPR }

  final Sort sort;
  final String template;
  final List<Node> kids;
  /** For blocks: lines always rendered first (loop counter updates). */
  final List<String> header;
  /** The shrinker never deletes this statement (the final return, loop guards). */
  boolean pinned;
  /** For expressions: 'd' double, 'i' int, 'b' boolean; the shrinker only swaps like for like. */
  char type = 'd';
  /** The generator shape this node belongs to ({@link ProgramGenerator.Feature}), or null. */
  String shape;

  private Node(Sort sort, String template, List<Node> kids, List<String> header) {
    this.sort = sort;
    this.template = template;
    this.kids = kids;
    this.header = header;
  }

  static Node expr(String template, Node... kids) {
    return new Node(Sort.EXPR, template, new ArrayList<>(List.of(kids)), List.of());
  }

  static Node stmt(String template, Node... kids) {
    return new Node(Sort.STMT, template, new ArrayList<>(List.of(kids)), List.of());
  }

  static Node block(List<String> header, List<Node> stmts) {
    return new Node(Sort.BLOCK, "", new ArrayList<>(stmts), new ArrayList<>(header));
  }

  static Node block(List<Node> stmts) {
    return block(List.of(), stmts);
  }

  Node typed(char t) {
    type = t;
    return this;
  }

  Node shape(String s) {
    shape = s;
    return this;
  }

  Node pinned() {
    pinned = true;
    return this;
  }

  Node copy() {
    List<Node> k = new ArrayList<>(kids.size());
    for (Node n : kids) {
      k.add(n.copy());
    }
    Node c = new Node(sort, template, k, header);
    c.pinned = pinned;
    c.type = type;
    c.shape = shape;
    return c;
  }

  /** Pre-order list of this tree's nodes. */
  void collect(List<Node> out) {
    out.add(this);
    for (Node k : kids) {
      k.collect(out);
    }
  }

  int size() {
    int n = 1;
    for (Node k : kids) {
      n += k.size();
    }
    return n;
  }

  String render(int indent) {
    StringBuilder sb = new StringBuilder();
    render(sb, indent);
    return sb.toString();
  }

  void render(StringBuilder sb, int indent) {
    switch (sort) {
      case BLOCK -> {
        sb.append("{\n");
        for (String h : header) {
          pad(sb, indent + 1).append(h).append('\n');
        }
        for (Node s : kids) {
          pad(sb, indent + 1);
          s.render(sb, indent + 1);
          sb.append('\n');
        }
        pad(sb, indent).append('}');
      }
      case STMT, EXPR -> {
        String t = template;
        int i = 0;
        while (i < t.length()) {
          char c = t.charAt(i);
          if (c == '@') {
            int end = t.indexOf('@', i + 1);
            int k = Integer.parseInt(t.substring(i + 1, end));
            kids.get(k).render(sb, indent);
            i = end + 1;
          } else if (c == '\n') {
            sb.append('\n');
            pad(sb, indent);
            i++;
          } else {
            sb.append(c);
            i++;
          }
        }
      }
      default -> throw new AssertionError(sort);
    }
  }

  private static StringBuilder pad(StringBuilder sb, int indent) {
    for (int i = 0; i < indent; i++) {
      sb.append("  ");
    }
    return sb;
  }
}
