package org.veille.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.veille.cli.Main;

/**
 * Runs the real CLI entry point in-process against a config file and a data folder in a temp dir.
 */
public final class Cli {
  private final Path dir;
  private final Path config;
  private Map<String, String> env = Map.of();

  /** What a command did: its exit code and everything it printed. */
  public record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  public Cli(Path dir, String yaml) {
    this.dir = dir;
    this.config = dir.resolve("feeds.yaml");
    write(yaml);
  }

  public void write(String yaml) {
    try {
      Files.writeString(config, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Environment variables the commands see (VEILLE_NOW, passwords…). */
  public Cli env(Map<String, String> env) {
    this.env = Map.copyOf(env);
    return this;
  }

  public Path config() {
    return config;
  }

  public Path data() {
    return dir.resolve("data");
  }

  public Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * A config with fast fetch settings whose sources are {@code server}'s feeds, given as pairs of
   * id and path ({@code "gazette", "/gazette.xml", …}), after one crawl that must succeed.
   */
  public static Cli crawled(Path dir, TestServer server, String... idsAndPaths) {
    StringBuilder yaml = new StringBuilder(fastSettings()).append("sources:\n");
    for (int i = 0; i < idsAndPaths.length; i += 2) {
      yaml.append("  - {id: ")
          .append(idsAndPaths[i])
          .append(", url: \"")
          .append(server.base())
          .append(idsAndPaths[i + 1])
          .append("\"}\n");
    }
    Cli cli = new Cli(dir, yaml.toString());
    Result crawl = cli.run("crawl", "--no-progress");
    if (crawl.code() != 0) {
      throw new AssertionError("the set-up crawl failed: " + crawl);
    }
    return cli;
  }

  /** Settings for fast tests: short timeouts, quick retries, no per-host delay. */
  public static String fastSettings() {
    return """
        settings:
          fetch: {timeout: 2s, max_bytes: 1MB, concurrency: 4, per_host_delay: 0s, retries: 1, retry_backoff: 10ms}
        """;
  }
}
