package org.veille.cli;

/** Counts in words for the messages of the command line: "1 source", "3 sources". */
final class Plural {
  private Plural() {}

  /** {@code n} and {@code noun}, with an s unless {@code n} is 1 (or -1). */
  static String of(long n, String noun) {
    return n + " " + (Math.abs(n) == 1 ? noun : noun + "s");
  }
}
