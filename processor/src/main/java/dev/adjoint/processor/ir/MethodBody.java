package dev.adjoint.processor.ir;

import java.util.List;

/**
 * A whole generated method body that is not a gradient (a graph trace, the copy of a private
 * method): {@code stmts}, then {@code return returned}.
 *
 * @param stmts the statements, in order
 * @param returned the value returned after them
 * @param names the names of the variables and labels in the body
 */
public record MethodBody(List<Stmt> stmts, Expr returned, NameTable names) {}
