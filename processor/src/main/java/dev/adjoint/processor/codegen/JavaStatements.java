package dev.adjoint.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Stmt;
import java.util.List;

/**
 * Prints IR statements, of the original's IR and of the adjoint IR alike, as Java source: the one
 * printer of generated method bodies. The expressions in them are printed by
 * {@link JavaExpressions}. A {@code return} has no Java form here (the transformation turns it
 * into a jump to the end of the sweep, and the entry point returns the result), nor has a loop
 * update (the transformation moves it into the body): meeting one is a bug, reported loudly.
 */
public final class JavaStatements {
  private final JavaExpressions expressions;
  private final NameTable names;

  public JavaStatements(JavaExpressions expressions, NameTable names) {
    this.expressions = expressions;
    this.names = names;
  }

  /** {@code stmts} as source. */
  public CodeBlock print(List<Stmt> stmts) {
    CodeBlock.Builder out = CodeBlock.builder();
    print(stmts, out);
    return out.build();
  }

  /** Appends {@code stmts} to {@code out}. */
  public void print(List<Stmt> stmts, CodeBlock.Builder out) {
    Printer printer = new Printer(out);
    for (Stmt s : stmts) {
      s.accept(printer);
    }
  }

  private CodeBlock expr(Expr e) {
    return expressions.print(e);
  }

  private String prefix(Label label) {
    return label == null ? "" : names.of(label) + ": ";
  }

  private final class Printer implements Stmt.Visitor<Void> {
    private final CodeBlock.Builder out;

    Printer(CodeBlock.Builder out) {
      this.out = out;
    }

    private void body(Stmt.Block b) {
      b.stmts().forEach(s -> s.accept(this));
    }

    @Override
    public Void visitAssign(Stmt.Assign a) {
      if (a.declaration()) {
        out.addStatement("$T $N = $L", JavaTypes.typeName(a.target().type()),
            names.of(a.target()), expr(a.value()));
      } else {
        out.addStatement("$N = $L", names.of(a.target()), expr(a.value()));
      }
      return null;
    }

    @Override
    public Void visitArrayWrite(Stmt.ArrayWrite w) {
      Expr element = new Expr.ArrayRead(w.array(), w.index(), w.value().type(), null);
      out.addStatement("$L = $L", expr(element), expr(w.value()));
      return null;
    }

    @Override
    public Void visitEval(Stmt.Eval e) {
      out.addStatement("$L", expr(e.expr()));
      return null;
    }

    @Override
    public Void visitBlock(Stmt.Block b) {
      if (b.label() == null) {
        body(b);
        return null;
      }
      out.add("$N: {\n", names.of(b.label())).indent();
      body(b);
      out.unindent().add("}\n");
      return null;
    }

    @Override
    public Void visitIf(Stmt.If i) {
      out.beginControlFlow("if ($L)", expr(i.condition()));
      visitBlock(i.thenPart());
      if (!i.elsePart().stmts().isEmpty()) {
        out.nextControlFlow("else");
        visitBlock(i.elsePart());
      }
      out.endControlFlow();
      return null;
    }

    @Override
    public Void visitLoop(Stmt.Loop l) {
      if (!l.update().isEmpty()) {
        throw new IllegalStateException("a loop update has no place in printed code: " + l);
      }
      CodeBlock condition = l.condition() == null ? CodeBlock.of("true") : expr(l.condition());
      if (l.testFirst()) {
        out.beginControlFlow("$Lwhile ($L)", prefix(l.label()), condition);
        visitBlock(l.body());
        out.endControlFlow();
      } else {
        out.beginControlFlow("$Ldo", prefix(l.label()));
        visitBlock(l.body());
        out.endControlFlow("while ($L)", condition);
      }
      return null;
    }

    @Override
    public Void visitBreak(Stmt.Break b) {
      out.addStatement(b.target() == null ? "break" : "break " + names.of(b.target()));
      return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue c) {
      out.addStatement(c.target() == null ? "continue" : "continue " + names.of(c.target()));
      return null;
    }

    @Override
    public Void visitReturn(Stmt.Return node) {
      throw new IllegalStateException("a return has no place in printed code: " + node);
    }

    @Override
    public Void visitThrow(Stmt.Throw t) {
      out.addStatement("throw $L", expr(t.exception()));
      return null;
    }

    @Override
    public Void visitAccumulate(Stmt.Accumulate a) {
      if (a.wholeArray()) {
        out.addStatement("$T.addInto($L, $L)", RuntimeTypes.ADJOINT_ARRAYS, expr(a.target()),
            expr(a.value()));
      } else {
        out.addStatement("$L += $L", expr(a.target()), expr(a.value()));
      }
      return null;
    }

    @Override
    public Void visitComment(Stmt.Comment c) {
      out.add("// $L\n", c.text());
      return null;
    }

    @Override
    public Void visitPush(Stmt.Push p) {
      CodeBlock tape = expressions.printPrimary(p.tape());
      switch (p.value().type().kind()) {
        case DOUBLE, FLOAT -> out.addStatement("$L.pushDouble($L)", tape, expr(p.value()));
        case BOOLEAN -> out.addStatement("$L.pushBoolean($L)", tape, expr(p.value()));
        case LONG -> {
          CodeBlock value = expressions.printPrimary(p.value());
          out.addStatement("$L.pushInt((int) $L)", tape, value)
              .addStatement("$L.pushInt((int) ($L >>> 32))", tape, value);
        }
        case DOUBLE_ARRAY, DOUBLE_MATRIX, INT_ARRAY, BOOLEAN_ARRAY ->
            out.addStatement("$L.pushRef($L)", tape, expr(p.value()));
        default -> out.addStatement("$L.pushInt($L)", tape, expr(p.value()));
      }
      return null;
    }

    @Override
    public Void visitIncrement(Stmt.Increment i) {
      out.addStatement("$N++", names.of(i.counter()));
      return null;
    }

    @Override
    public Void visitIndexLoop(Stmt.IndexLoop l) {
      String index = names.of(l.index());
      out.beginControlFlow("$Lfor (int $N = $L; $N $L $L; $N$L)", prefix(l.label()), index,
          expr(l.from()), index, l.down() ? ">" : "<", expr(l.bound()), index,
          l.down() ? "--" : "++");
      visitBlock(l.body());
      out.endControlFlow();
      return null;
    }
  }
}
