package dev.adjoint.processor.ir;

/** How a generated body uses the tape. */
public enum TapeUse {
  /** No tape at all. */
  NONE,
  /** Hands its tape, possibly null, to the adjoints it calls; each allocates one if it must. */
  PASSES_ON,
  /** Records on the tape itself: the gradient call owns one. */
  RECORDS
}
