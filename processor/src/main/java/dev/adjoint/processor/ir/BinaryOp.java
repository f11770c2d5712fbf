package dev.adjoint.processor.ir;

/** Binary operators, with their Java spelling and precedence (higher binds tighter). */
public enum BinaryOp {
  TIMES("*", 12), DIVIDE("/", 12), REMAINDER("%", 12),
  PLUS("+", 11), MINUS("-", 11), CONCAT("+", 11),
  SHIFT_LEFT("<<", 10), SHIFT_RIGHT(">>", 10), UNSIGNED_SHIFT_RIGHT(">>>", 10),
  LESS("<", 9), LESS_EQUAL("<=", 9), GREATER(">", 9), GREATER_EQUAL(">=", 9),
  EQUAL("==", 8), NOT_EQUAL("!=", 8),
  BIT_AND("&", 7), XOR("^", 6), BIT_OR("|", 5),
  AND("&&", 4), OR("||", 3);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }

  /** Whether the result is boolean whatever the operand types. */
  public boolean isComparisonOrLogical() {
    return precedence == 9 || precedence == 8 || this == AND || this == OR;
  }
}
