package dev.adjoint.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Stmt;
import java.util.List;

/**
 * Prints IR statements, of the original's IR and of the adjoint IR alike, as Java source. The
 * expressions in them are printed by {@link JavaExpressions}.
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

  private final class Printer implements Stmt.Visitor<Void> {
    private final CodeBlock.Builder out;

    Printer(CodeBlock.Builder out) {
      this.out = out;
    }

    @Override
    public Void visitAssign(Stmt.Assign a) {
      if (a.declaration()) {
        out.addStatement("$T $N = $L", JavaExpressions.typeName(a.target().type()),
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
      if (b.label() != null) {
        throw new IllegalStateException("labelled blocks are printed by the transform: " + b);
      }
      b.stmts().forEach(s -> s.accept(this));
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
    public Void visitLoop(Stmt.Loop node) {
      throw new IllegalStateException("loops are printed by the transform: " + node);
    }

    @Override
    public Void visitBreak(Stmt.Break node) {
      throw new IllegalStateException("jumps are printed by the transform: " + node);
    }

    @Override
    public Void visitContinue(Stmt.Continue node) {
      throw new IllegalStateException("jumps are printed by the transform: " + node);
    }

    @Override
    public Void visitReturn(Stmt.Return node) {
      throw new IllegalStateException("returns are printed by the transform: " + node);
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
  }
}
