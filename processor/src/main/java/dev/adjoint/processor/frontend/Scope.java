package dev.adjoint.processor.frontend;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Lexical scopes of a method body: names to variables, innermost first. */
final class Scope {
  private final Deque<Map<String, Variable>> frames = new ArrayDeque<>();
  private final Deque<Map<String, Expr>> synonyms = new ArrayDeque<>();

  Scope() {
    push();
  }

  void push() {
    frames.push(new HashMap<>());
    synonyms.push(new HashMap<>());
  }

  void pop() {
    frames.pop();
    synonyms.pop();
  }

  /** Declares {@code name} as another name for an expression: a row {@code m[k]} in a for-each. */
  void declareSynonym(String name, Expr expr) {
    synonyms.peek().put(name, expr);
  }

  /** The expression a synonym stands for, if {@code name} is one in the innermost binding. */
  Expr synonym(String name) {
    java.util.Iterator<Map<String, Variable>> vars = frames.iterator();
    for (Map<String, Expr> frame : synonyms) {
      Map<String, Variable> varFrame = vars.next();
      if (varFrame.containsKey(name)) {
        return null;
      }
      Expr e = frame.get(name);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  void declare(Variable variable) {
    frames.peek().put(variable.sourceName(), variable);
  }

  Variable lookup(String name) {
    for (Map<String, Variable> frame : frames) {
      Variable v = frame.get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
