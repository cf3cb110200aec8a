package org.veille.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code veille} in a process of its own (the test JVM's classpath), for daemon and lock tests. */
public final class VeilleProcess implements AutoCloseable {
  private final Process process;
  private final Path output;

  private VeilleProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  public static VeilleProcess start(Path workDir, Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.veille.cli.Main"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "process", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().putAll(env);
    return new VeilleProcess(pb.start(), out);
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Everything the process printed so far. */
  public String output() throws IOException {
    return Files.readString(output);
  }

  /**
   * Sends SIGTERM and waits for the exit; returns the exit code, or -1 if it did not exit in time.
   */
  public int terminate(long seconds) throws InterruptedException {
    process.destroy();
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** Polls {@code condition} every 100 ms until it holds or {@code seconds} pass. */
  public static boolean await(long seconds, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
