package org.veille.cli;

/** The exit codes of DESIGN §3, in one place. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private ExitCodes() {}
}
