package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Namer;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Variable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables and labels one transformation of a method introduces, and their names: the
 * adjoint of each variable, records, scratch values, the tape and the call buffer. Names are
 * claimed in the order the transformation asks for them, so generated code is the same on every
 * build; none shadows anything the user wrote.
 */
final class SweepNames {
  private final Namer names;
  private final Namer labels;
  private final NameTable primal;
  private final Map<Label, String> labelNames = new IdentityHashMap<>();
  private final Map<Variable, Variable> adjoints = new LinkedHashMap<>();
  private final Variable tape;
  private Variable callBuffer;
  private int callBufferSize;
  private boolean tapeUsed;
  private boolean tapeReferenced;

  SweepNames(MethodIr ir, Set<String> reservedNames, Set<String> reservedLabels) {
    this.names = new Namer(reservedNames);
    this.labels = new Namer(reservedLabels);
    this.tape = new Variable(names.claim("tape"), IrType.TAPE, Variable.Origin.RECORD, null);
    this.primal = PrimalNames.assign(ir, names);
  }

  /** The names of the original's variables. */
  NameTable primal() {
    return primal;
  }

  /** Every name: the original's variables, and the labels named so far. */
  NameTable table() {
    return primal.withLabels(labelNames);
  }

  String name(Variable v) {
    return primal.of(v);
  }

  /** A fresh name based on {@code base}. */
  String claim(String base) {
    return names.claim(base);
  }

  /** The adjoint of {@code v}: a double, or an array of doubles of the shape of an array. */
  Variable adjointOf(Variable v) {
    return adjoints.computeIfAbsent(v, k -> new Variable(names.claim(name(k) + "Adj"),
        k.type().isArray() ? k.type() : IrType.DOUBLE, Variable.Origin.ADJOINT, null));
  }

  /** The adjoint of {@code v} if it has one yet, or null. */
  Variable existingAdjoint(Variable v) {
    return adjoints.get(v);
  }

  /** Every original variable with an adjoint, to its adjoint, in order of creation. */
  Map<Variable, Variable> adjoints() {
    return Collections.unmodifiableMap(adjoints);
  }

  Variable record(String base, IrType type) {
    return new Variable(names.claim(base), type, Variable.Origin.RECORD, null);
  }

  Variable scratch(String base, IrType type) {
    return new Variable(names.claim(base), type, Variable.Origin.SCRATCH, null);
  }

  /** {@code label}, named: the user's name, or a fresh one for labels the front end made. */
  Label label(Label label) {
    labelNames.computeIfAbsent(label,
        l -> l.isUserDefined() ? l.sourceName() : labels.claim(l.sourceName()));
    return label;
  }

  /** A new label of the transformation's own, named after {@code base}. */
  Label newLabel(String base) {
    Label label = Label.synthetic(base);
    labelNames.put(label, labels.claim(base));
    return label;
  }

  /** The method's tape; reading it marks the tape referenced, recording on it used. */
  Variable tape() {
    return tape;
  }

  Expr tapeRead(boolean records) {
    tapeReferenced = true;
    tapeUsed |= records;
    return new Expr.VarRef(tape);
  }

  void recordsOnTape() {
    tapeUsed = true;
  }

  boolean tapeUsed() {
    return tapeUsed;
  }

  boolean tapeReferenced() {
    return tapeReferenced;
  }

  /** The call-adjoint buffer, sized to at least {@code slots}. */
  Variable callBuffer(int slots) {
    if (callBuffer == null) {
      callBuffer = record("callAdjoints", IrType.DOUBLE_ARRAY);
    }
    callBufferSize = Math.max(callBufferSize, slots);
    return callBuffer;
  }

  /** The call buffer, or null when no call needs one. */
  Variable callBuffer() {
    return callBuffer;
  }

  int callBufferSize() {
    return callBufferSize;
  }

  /** The names an expression adjoint asks for; {@code inLoop} when it may run repeatedly. */
  ExpressionAdjoint.Names forExpressions(boolean inLoop) {
    return new ExpressionAdjoint.Names() {
      @Override
      public Variable adjointOf(Variable v) {
        return SweepNames.this.adjointOf(v);
      }

      @Override
      public Variable scratch(String base, IrType type) {
        return SweepNames.this.scratch(base, type);
      }

      @Override
      public Expr tape() {
        return tapeRead(inLoop);
      }

      @Override
      public Variable callBuffer(int slots) {
        return SweepNames.this.callBuffer(slots);
      }
    };
  }
}
