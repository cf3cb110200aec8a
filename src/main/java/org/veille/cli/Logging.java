package org.veille.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;
import java.time.ZoneId;
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

  /**
   * The daemon's log: its job lines at INFO (WARN when quiet), to {@code file} when given, else to
   * stderr (the journal under systemd); every line starts with the date, time and offset in {@code
   * zone}, so that a line read weeks later, or beside another machine's, says when it happened.
   */
  static void daemon(Path file, boolean quiet, ZoneId zone) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    ctx.getLogger("veille.daemon").setLevel(quiet ? Level.WARN : Level.INFO);
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern(daemonPattern(zone));
    enc.start();
    OutputStreamAppender<ILoggingEvent> appender;
    if (file == null) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setTarget("System.err");
      appender = console;
    } else {
      FileAppender<ILoggingEvent> f = new FileAppender<>();
      f.setFile(file.toString());
      f.setAppend(true);
      appender = f;
    }
    appender.setContext(ctx);
    appender.setEncoder(enc);
    appender.start();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
  }

  /** {@code 2026-11-23 08:00:00.000 +01:00 INFO daemon - …}, times in {@code zone}. */
  static String daemonPattern(ZoneId zone) {
    return "%d{yyyy-MM-dd HH:mm:ss.SSS XXX, " + zone.getId() + "} %-5level %logger{0} - %msg%n";
  }
}
