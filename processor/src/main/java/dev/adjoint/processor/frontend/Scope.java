package dev.adjoint.processor.frontend;

import dev.adjoint.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Lexical scopes of a method body: names to variables, innermost first. */
final class Scope {
  private final Deque<Map<String, Variable>> frames = new ArrayDeque<>();

  Scope() {
    push();
  }

  void push() {
    frames.push(new HashMap<>());
  }

  void pop() {
    frames.pop();
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
