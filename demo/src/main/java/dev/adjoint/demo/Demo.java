package dev.adjoint.demo;

/** Placeholder until the demo lands. */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    System.out.println("Adjoint demo");
  }
}
