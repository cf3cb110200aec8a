/**
 * The command line: picocli commands, the only place that prints. {@link org.veille.cli.Main#run}
 * returns the exit code (0 done, 1 unexpected failure, 2 bad usage, config or query) so that tests
 * drive the real entry point; only {@code main} calls {@code System.exit}.
 */
package org.veille.cli;
