package dev.adjoint.processor.ir;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A lowered method: its parameters, the variables its body declares, and the body. The result
 * variable receives the value of every {@code return}.
 */
public record MethodIr(
    ExecutableElement element,
    MethodTree tree,
    CompilationUnitTree unit,
    List<Variable> parameters,
    List<Variable> differentiated,
    List<Variable> locals,
    Variable result,
    Stmt.Block body) {}
