package org.veille.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Logging, configured in one place: warnings on stderr by default, errors only with {@code
 * --quiet}, details with {@code --verbose}; the daemon's one line per job run at INFO, on stderr or
 * in its {@code --log} file.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean verbose, boolean quiet) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger veille = ctx.getLogger("org.veille");
    if (verbose) {
      root.setLevel(Level.INFO);
      veille.setLevel(Level.DEBUG);
    } else if (quiet) {
      root.setLevel(Level.ERROR);
      veille.setLevel(Level.ERROR);
    } else {
      root.setLevel(Level.WARN);
      veille.setLevel(Level.WARN);
    }
  }

  /** The daemon's log: its job lines at INFO (WARN when quiet), to {@code file} when given. */
  static void daemon(Path file, boolean quiet) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    ctx.getLogger("veille.daemon").setLevel(quiet ? Level.WARN : Level.INFO);
    if (file == null) {
      return;
    }
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
    enc.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(ctx);
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(enc);
    appender.start();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
  }
}
