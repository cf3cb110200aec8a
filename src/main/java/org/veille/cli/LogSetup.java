package org.veille.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration, in code: logs on stderr (so that stdout carries only a command's output)
 * at WARN, which {@link Logging} raises or lowers for the verbose and quiet options. Found by
 * logback through {@code META-INF/services}; reading an XML file instead costs a short command
 * several hundred classes and a good part of its start.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
    enc.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(ctx);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(enc);
    stderr.start();
    ctx.getLogger("crawlercommons").setLevel(Level.WARN);
    ctx.getLogger("org.quartz").setLevel(Level.WARN);
    ctx.getLogger("net.dankito.readability4j").setLevel(Level.WARN);
    ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
