package dev.adjoint.processor.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * What the pieces of the front end share while one method is lowered: the method, its symbols,
 * problems, scopes and jump targets, the locals declared so far, the loop depth, and the pieces
 * themselves. Each piece keeps the pieces built before it and asks here for those built after it
 * (statements and expressions call each other).
 */
final class LoweringContext {
  private final Symbols symbols;
  private final MethodProblems problems;
  private final ExecutableElement element;
  private final MethodTree tree;
  private final CompilationUnitTree unit;
  private final Scope scope = new Scope();
  private final JumpTargets jumps = new JumpTargets();
  private final List<Variable> locals = new ArrayList<>();
  private final RecordLowering records;
  private final ExpressionLowering expressions;
  private final NameLowering names;
  private final ArrayExpressions arrayExpressions;
  private final CallLowering calls;
  private final AssignmentLowering assignments;
  private final RecordLocals recordLocals;
  private final Variable result;
  private final ArrayCopies arrays;
  private final LocalDeclarations declarations;
  private final SwitchLowering switches;
  private final LoopLowering loops;
  private final StatementLowering statements;

  LoweringContext(Symbols symbols, MethodProblems problems, ExecutableElement element,
      MethodTree tree, CompilationUnitTree unit) {
    this.symbols = symbols;
    this.problems = problems;
    this.element = element;
    this.tree = tree;
    this.unit = unit;
    symbols.declareTypeParameters(element.getTypeParameters());
    this.records = new RecordLowering(problems, scope);
    this.expressions = new ExpressionLowering(symbols, problems, scope, this, records);
    this.names = new NameLowering(this);
    this.arrayExpressions = new ArrayExpressions(this);
    this.calls = new CallLowering(this);
    this.assignments = new AssignmentLowering(this);
    this.recordLocals = new RecordLocals(symbols, problems, records, expressions, this, scope,
        unit);
    this.result = new Variable("value",
        VoidHelpers.resultType(symbols.irType(element.getReturnType())), Variable.Origin.RESULT,
        tree);
    this.arrays = new ArrayCopies(this);
    this.declarations = new LocalDeclarations(this);
    this.switches = new SwitchLowering(this);
    this.loops = new LoopLowering(this);
    this.statements = new StatementLowering(this);
  }

  Variable newTemporary(String base, IrType type, Tree origin) {
    Variable v = new Variable(base, type, Variable.Origin.TEMPORARY, origin);
    if (!problems.isMuted()) {
      locals.add(v);
    }
    return v;
  }

  /** Declares a local the front end derives from the user's (a record local's component). */
  void declareLocal(Variable local) {
    scope.declare(local);
    locals.add(local);
  }

  /** Declares the local {@code v} declares, of {@code type}. */
  Variable declareLocal(VariableTree v, IrType type) {
    Variable local = new Variable(v.getName().toString(), type, Variable.Origin.LOCAL, v);
    scope.declare(local);
    locals.add(local);
    return local;
  }

  /** The method being lowered. */
  ExecutableElement method() {
    return element;
  }

  Symbols symbols() {
    return symbols;
  }

  MethodProblems problems() {
    return problems;
  }

  MethodTree tree() {
    return tree;
  }

  CompilationUnitTree unit() {
    return unit;
  }

  Scope scope() {
    return scope;
  }

  JumpTargets jumps() {
    return jumps;
  }

  /** Every local and temporary declared so far, in order. */
  List<Variable> locals() {
    return locals;
  }

  /** The variable a {@code return} assigns. */
  Variable result() {
    return result;
  }

  RecordLowering records() {
    return records;
  }

  ExpressionLowering expressions() {
    return expressions;
  }

  NameLowering names() {
    return names;
  }

  ArrayExpressions arrayExpressions() {
    return arrayExpressions;
  }

  CallLowering calls() {
    return calls;
  }

  AssignmentLowering assignments() {
    return assignments;
  }

  RecordLocals recordLocals() {
    return recordLocals;
  }

  ArrayCopies arrays() {
    return arrays;
  }

  LocalDeclarations declarations() {
    return declarations;
  }

  SwitchLowering switches() {
    return switches;
  }

  LoopLowering loops() {
    return loops;
  }

  StatementLowering statements() {
    return statements;
  }
}
