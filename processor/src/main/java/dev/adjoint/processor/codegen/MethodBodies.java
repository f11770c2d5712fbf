package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.adjoint.processor.ir.MethodBody;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Method IR printed as a whole method body, and the copies of private methods built from it. */
final class MethodBodies {
  private MethodBodies() {}

  /** A whole method body: its statements, then the return of its value. */
  static CodeBlock print(MethodBody body, Function<TypeElement, ClassName> generated) {
    JavaExpressions expressions = JavaExpressions.plain(body.names(), generated);
    return CodeBlock.builder()
        .add(new JavaStatements(expressions, body.names()).print(body.stmts()))
        .addStatement("return $L", expressions.print(body.returned()))
        .build();
  }

  /**
   * A copy of a private method, which generated code calls in its place: the same parameters,
   * result and computation.
   */
  static MethodSpec primalCopy(GradClassWriter.Entry e,
      Function<TypeElement, ClassName> generated) {
    if (RecordApi.applies(e)) {
      return RecordApi.primalCopy(e, AdjointEntryWriter.typeVariables(e),
          Javadocs.link(e.method()), generated);
    }
    MethodSpec.Builder m = MethodSpec.methodBuilder(JavaExpressions.primalCopyName(e.method()))
        .addModifiers(Modifier.STATIC)
        .addTypeVariables(AdjointEntryWriter.typeVariables(e))
        .returns(TypeName.get(e.method().getReturnType()))
        .addJavadoc(Javadocs.member("A copy of the private method $L, which generated code"
            + " cannot call.\n", Javadocs.link(e.method())));
    for (VariableElement p : e.method().getParameters()) {
      m.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
    }
    return m.addCode(VoidPrimalCopies.body(e.method(), e.primal(), generated)).build();
  }
}
