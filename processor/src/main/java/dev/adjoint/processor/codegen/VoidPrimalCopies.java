package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.adjoint.processor.ir.MethodBody;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * The body of the copy of a private method: its statements, then the return of its value; a
 * void helper (lowered as returning 0, see {@code frontend.VoidHelpers}) returns nothing.
 */
final class VoidPrimalCopies {
  private VoidPrimalCopies() {}

  static CodeBlock body(ExecutableElement method, MethodBody body,
      Function<TypeElement, ClassName> generated) {
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      return MethodBodies.print(body, generated);
    }
    return new JavaStatements(JavaExpressions.plain(body.names(), generated), body.names())
        .print(body.stmts());
  }
}
