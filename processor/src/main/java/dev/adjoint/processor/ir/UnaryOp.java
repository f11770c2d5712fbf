package dev.adjoint.processor.ir;

/** Unary operators without side effects. */
public enum UnaryOp {
  NEGATE("-"), PLUS("+"), NOT("!"), COMPLEMENT("~");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
