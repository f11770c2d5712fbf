package dev.adjoint.processor.forward;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.codegen.JavaExpressions;
import dev.adjoint.processor.codegen.JavaStatements;
import dev.adjoint.processor.codegen.TangentMethodWriter.TangentCode;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.transform.Namer;
import dev.adjoint.processor.transform.PrimalNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;

/**
 * Prints a tangent IR as the body of a tangent entry point ({@link TangentAbi}): every local
 * declared up front, then the statements with the original's structure; each {@code return}
 * stores the tangent into the entry point's last parameter and returns the value. Calls to
 * callees' tangent entry points ({@link Expr.AdjointCall} in the tangent IR) are printed as calls
 * to {@code CGrad.gJvp}.
 */
public final class TangentPrinter implements Stmt.Visitor<Void> {
  private final MethodIr ir;
  private final TangentIr tangent;
  private final NameTable names;
  private final Namer labels;
  private final Function<TypeElement, ClassName> generatedClass;
  private final JavaExpressions expressions;
  private final JavaStatements statements;
  private final Map<Label, String> labelNames = new IdentityHashMap<>();
  private final Map<Stmt.Loop, String> bodyLabels = new IdentityHashMap<>();
  private final Set<Label> targets = new HashSet<>();
  private final String out;
  private CodeBlock.Builder code;

  private TangentPrinter(TangentIr tangent, Set<String> reservedNames,
      Set<String> reservedLabels, Function<TypeElement, ClassName> generatedClass) {
    this.tangent = tangent;
    this.ir = tangent.printable();
    Namer namer = new Namer(reservedNames);
    for (Variable d : tangent.directions()) {
      namer.claim(d.sourceName());
    }
    this.names = PrimalNames.assign(ir, namer);
    this.out = namer.claim("tangent");
    this.labels = new Namer(reservedLabels);
    this.generatedClass = generatedClass;
    this.expressions = JavaExpressions.plain(names, generatedClass);
    this.statements = new JavaStatements(expressions, names);
  }

  /** Prints {@code tangent}'s entry point body. */
  public static TangentCode print(TangentIr tangent, Set<String> reservedNames,
      Set<String> reservedLabels, Function<TypeElement, ClassName> generatedClass) {
    return new TangentPrinter(tangent, reservedNames, reservedLabels, generatedClass).run();
  }

  private TangentCode run() {
    dev.adjoint.processor.ir.IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.Break b) {
        targets.add(b.target());
      } else if (s instanceof Stmt.Continue c) {
        targets.add(c.target());
      }
    });
    code = CodeBlock.builder();
    List<Variable> declared = new ArrayList<>(ir.locals());
    declared.add(ir.result());
    for (Variable v : declared) {
      code.addStatement("$T $N = $L", JavaExpressions.typeName(v.type()), names.of(v),
          JavaExpressions.zero(v.type()));
    }
    ir.body().accept(this);
    List<String> parameters = new ArrayList<>();
    for (Variable p : ir.parameters()) {
      parameters.add(names.of(p));
    }
    return new TangentCode(parameters, out, code.build());
  }

  private String label(Label l) {
    return labelNames.computeIfAbsent(l,
        k -> k.isUserDefined() ? k.sourceName() : labels.claim(k.sourceName()));
  }

  private void simple(Stmt s) {
    statements.print(List.of(s), code);
  }

  @Override
  public Void visitAssign(Stmt.Assign a) {
    if (a.value() instanceof Expr.AdjointCall call) {
      TypeElement owner = (TypeElement) call.callee().getEnclosingElement();
      List<CodeBlock> args = new ArrayList<>();
      for (Expr arg : call.args()) {
        args.add(expressions.print(arg));
      }
      code.addStatement("$N = $T.$N($L)", names.of(a.target()), generatedClass.apply(owner),
          TangentAbi.entryName(call.callee().getSimpleName()), CodeBlock.join(args, ", "));
      return null;
    }
    simple(new Stmt.Assign(a.target(), a.value(), false, a.tree()));
    return null;
  }

  @Override
  public Void visitArrayWrite(Stmt.ArrayWrite node) {
    simple(node);
    return null;
  }

  @Override
  public Void visitEval(Stmt.Eval node) {
    simple(node);
    return null;
  }

  @Override
  public Void visitBlock(Stmt.Block b) {
    boolean labelled = b.label() != null && targets.contains(b.label());
    if (labelled) {
      code.add("$N: {\n", label(b.label())).indent();
    }
    b.stmts().forEach(s -> s.accept(this));
    if (labelled) {
      code.unindent().add("}\n");
    }
    return null;
  }

  @Override
  public Void visitIf(Stmt.If i) {
    code.beginControlFlow("if ($L)", expressions.print(i.condition()));
    visitBlock(i.thenPart());
    if (!i.elsePart().stmts().isEmpty()) {
      code.nextControlFlow("else");
      visitBlock(i.elsePart());
    }
    code.endControlFlow();
    return null;
  }

  @Override
  public Void visitLoop(Stmt.Loop l) {
    String prefix = targets.contains(l.label()) ? label(l.label()) + ": " : "";
    CodeBlock condition = l.condition() == null ? CodeBlock.of("true")
        : expressions.print(l.condition());
    if (l.testFirst()) {
      code.beginControlFlow("$Lwhile ($L)", prefix, condition);
    } else {
      code.beginControlFlow("$Ldo", prefix);
    }
    // continue must still run the update: it leaves the body's own block instead
    String bodyLabel = !l.update().isEmpty() && continues(l) ? labels.claim("body") : null;
    bodyLabels.put(l, bodyLabel);
    if (bodyLabel != null) {
      code.add("$N: {\n", bodyLabel).indent();
    }
    visitBlock(l.body());
    if (bodyLabel != null) {
      code.unindent().add("}\n");
    }
    l.update().forEach(s -> s.accept(this));
    if (l.testFirst()) {
      code.endControlFlow();
    } else {
      code.endControlFlow("while ($L)", condition);
    }
    return null;
  }

  private boolean continues(Stmt.Loop l) {
    boolean[] found = {false};
    dev.adjoint.processor.ir.IrWalk.statements(l.body(), s ->
        found[0] |= s instanceof Stmt.Continue c && c.target() == l.label());
    return found[0];
  }

  @Override
  public Void visitBreak(Stmt.Break b) {
    code.addStatement("break $N", label(b.target()));
    return null;
  }

  @Override
  public Void visitContinue(Stmt.Continue c) {
    for (Map.Entry<Stmt.Loop, String> e : bodyLabels.entrySet()) {
      if (e.getKey().label() == c.target() && e.getValue() != null) {
        code.addStatement("break $N", e.getValue());
        return null;
      }
    }
    code.addStatement("continue $N", label(c.target()));
    return null;
  }

  @Override
  public Void visitReturn(Stmt.Return r) {
    code.addStatement("$N[0] = $N", out, names.of(tangent.tangentResult()));
    code.addStatement("return $N", names.of(tangent.primalResult()));
    return null;
  }

  @Override
  public Void visitThrow(Stmt.Throw node) {
    simple(node);
    return null;
  }

  @Override
  public Void visitAccumulate(Stmt.Accumulate node) {
    throw AdjointOnly.in("the tangent printer", node);
  }

  @Override
  public Void visitComment(Stmt.Comment node) {
    simple(node);
    return null;
  }
}
