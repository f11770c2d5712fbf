package dev.adjoint.processor.normalize;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.analysis.WritingCallAliasing;
import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Before each call of a helper that writes into an array argument, where two of its array
 * arguments may be one array under two names ({@link WritingCallAliasing}), a comparison of the
 * two references that throws IllegalArgumentException when they are the same array: the helper's
 * adjoint assumes distinct arrays, so the gradient refuses loudly rather than being silently
 * wrong. Calls whose arguments cannot meet are left alone.
 */
public final class WritingCallGuards {
  private final ArrayAliases aliases;
  private final RuleTable rules;
  private final TypeMirror illegalArgument;
  private boolean changed;

  private WritingCallGuards(ArrayAliases aliases, RuleTable rules,
      Elements elements) {
    this.aliases = aliases;
    this.rules = rules;
    this.illegalArgument = elements.getTypeElement("java.lang.IllegalArgumentException")
        .asType();
  }

  /** {@code ir} with the guards added; {@code ir} itself if no call needs one. */
  public static MethodIr apply(MethodIr ir, RuleTable rules,
      Elements elements) {
    WritingCallGuards pass = new WritingCallGuards(ArrayAliases.of(ir.body()), rules, elements);
    Stmt.Block body = pass.block(ir.body());
    if (!pass.changed) {
      return ir;
    }
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(), ir.differentiated(),
        ir.locals(), ir.result(), body);
  }

  private Stmt.Block block(Stmt.Block b) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.stmts()) {
      guards(s, out);
      out.add(nested(s));
    }
    return new Stmt.Block(b.label(), out, b.tree());
  }

  private Stmt nested(Stmt s) {
    if (s instanceof Stmt.Block b) {
      return block(b);
    }
    if (s instanceof Stmt.If i) {
      return new Stmt.If(i.condition(), block(i.thenPart()), block(i.elsePart()), i.tree());
    }
    if (s instanceof Stmt.Loop l) {
      return new Stmt.Loop(l.label(), l.condition(), block(l.body()), l.update(), l.testFirst(),
          l.counter(), l.tree());
    }
    return s;
  }

  private void guards(Stmt s, List<Stmt> out) {
    Expr.Call c = WritingCalls.of(s, rules);
    if (c == null) {
      return;
    }
    for (WritingCallAliasing.Pair pair : WritingCallAliasing.mayMeet(c, rules, aliases)) {
      if (WritingCallAliasing.comparable(c, pair)) {
        out.add(throwIfSame(c, pair, s.tree()));
        changed = true;
      }
    }
  }

  private Stmt throwIfSame(Expr.Call c, WritingCallAliasing.Pair pair, Tree at) {
    String written = c.method().getParameters().get(pair.written()).getSimpleName().toString();
    String other = c.method().getParameters().get(pair.other()).getSimpleName().toString();
    String message = "the gradient differentiates " + c.method().getEnclosingElement()
        .getSimpleName() + "." + c.method().getSimpleName() + ", which may write into '"
        + written + "', for distinct arrays only: '" + written + "' and '" + other
        + "' must not be the same array";
    Expr same = new Expr.Binary(BinaryOp.EQUAL, c.args().get(pair.written()),
        c.args().get(pair.other()), IrType.BOOLEAN, at);
    Expr error = new Expr.NewObject(illegalArgument, List.of(new Expr.Literal(IrType.STRING,
        "\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", at)),
        IrType.other(illegalArgument), at);
    return new Stmt.If(same, new Stmt.Block(null, List.of(new Stmt.Throw(error, at)), at),
        new Stmt.Block(null, List.of(), at), at);
  }
}
