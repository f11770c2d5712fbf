package dev.adjoint.processor.rules;

/**
 * What a helper returning an array always returns: its array parameter {@code array} itself,
 * or the row of it at its {@code int} parameter {@code indexParameter} or at the constant
 * {@code constantIndex}.
 *
 * @param array the index of the array parameter returned (or whose row is returned)
 * @param indexParameter the index of the {@code int} parameter giving the row, or -1
 * @param constantIndex the constant row index, or null
 * @param onlyReturns whether the body is that one {@code return} statement and nothing else, so
 *     that a call does nothing but give the argument (it cannot throw other than by indexing)
 */
public record ReturnedArgument(int array, int indexParameter, Integer constantIndex,
    boolean onlyReturns) {
  /** Whether a row of the parameter is returned rather than the parameter itself. */
  public boolean isRow() {
    return indexParameter >= 0 || constantIndex != null;
  }
}
