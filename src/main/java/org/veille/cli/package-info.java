/**
 * The command line: picocli commands that parse their arguments, call one use case of {@code app}
 * and print; the only place that prints. Shared options are mixins ({@code Options}); times are
 * printed one way ({@code Times}); logging is configured once ({@code Logging}). {@link
 * org.veille.cli.Main#run} returns the exit code (0 done, 1 unexpected failure, 2 bad usage, config
 * or query) so that tests drive the real entry point; only {@code main} calls {@code System.exit}.
 */
package org.veille.cli;
