package org.veille.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veille.app.Context;
import org.veille.app.When;
import org.veille.config.Durations;
import picocli.CommandLine.Option;

/** The options several commands share, as picocli mixins. */
final class Options {
  private Options() {}

  /** {@code --since WHEN} and {@code --until WHEN}: a period of publication. */
  static final class Dates {
    @Option(
        names = "--since",
        paramLabel = "WHEN",
        description = "Published at or after (date, instant, or 36h/7d/4w/3m).")
    String since;

    @Option(
        names = "--until",
        paramLabel = "WHEN",
        description = "Published at or before (a date includes the whole day).")
    String until;

    /** The start, or null when not given. */
    Instant since(ZoneId zone, Instant now) {
      return since == null ? null : When.start(since, zone, now);
    }

    /** The end (inclusive), or null when not given. */
    Instant until(ZoneId zone, Instant now) {
      return until == null ? null : When.end(until, zone, now);
    }
  }

  /** {@code --source ID}, repeatable: items carried by these sources. */
  static final class Sources {
    @Option(
        names = "--source",
        paramLabel = "ID",
        description = "Only items carried by this source (repeatable).")
    List<String> ids = new ArrayList<>();
  }

  /** {@code --format text|json}. */
  static final class TextOrJson {
    enum Format {
      text,
      json
    }

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    boolean json() {
      return format == Format.json;
    }
  }

  /** {@code --limit N} and {@code --offset N}: a page of results. */
  static final class Paging {
    @Option(
        names = "--limit",
        defaultValue = "20",
        description = "Hits to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Hits to skip, for paging.")
    int offset;

    void check() {
      if (limit < 1 || limit > 10_000 || offset < 0) {
        throw new UsageException("--limit must be 1–10000 and --offset 0 or more");
      }
    }
  }

  /** {@code --week YYYY-Www}. */
  static final class Week {
    @Option(
        names = "--week",
        paramLabel = "YYYY-Www",
        description = "The ISO week, e.g. 2026-W47 (default: the last completed week).")
    String week;
  }

  /** {@code --week YYYY-Www} and {@code --newsletter ID}: one audience's letter of a week. */
  static final class Letter {
    @Option(
        names = "--week",
        paramLabel = "YYYY-Www",
        description = "The ISO week, e.g. 2026-W47 (default: the last completed week).")
    String week;

    @Option(
        names = "--newsletter",
        paramLabel = "ID",
        description = "The newsletter (an id of newsletters:; default: the first, main).")
    String newsletter;
  }

  /** {@code --newsletter ID} that narrows a listing of the archive to one newsletter. */
  static final class OnlyNewsletter {
    @Option(names = "--newsletter", paramLabel = "ID", description = "Only this newsletter.")
    String id;
  }

  /** {@code --port}, {@code --bind}, {@code --password-env}: where the web interface listens. */
  static final class Listen {
    @Option(
        names = "--port",
        defaultValue = "8080",
        description = "Port of the web interface (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--bind",
        defaultValue = "127.0.0.1",
        paramLabel = "ADDR",
        description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
        names = "--password-env",
        paramLabel = "VAR",
        description = "Ask for this environment variable's value as the password (HTTP Basic).")
    String passwordEnv;

    /** Checks the port and reads the password of {@code --password-env}, if given. */
    Optional<String> password(Context ctx) {
      if (port < 0 || port > 65535) {
        throw new UsageException("--port must be 0–65535");
      }
      if (passwordEnv == null) {
        return Optional.empty();
      }
      String value = ctx.env().get(passwordEnv);
      if (value == null || value.isEmpty()) {
        throw new UsageException("--password-env " + passwordEnv + ": that variable is not set");
      }
      return Optional.of(value);
    }

    /** Whether any of these was given a value other than its default. */
    boolean changed() {
      return passwordEnv != null || port != 8080 || !bind.equals("127.0.0.1");
    }
  }

  /** {@code --no-progress}. */
  static final class Progress {
    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean off;
  }

  /** {@code --wait DURATION}: how long a writing command waits for the writer lock. */
  static final class Wait {
    @Option(
        names = "--wait",
        paramLabel = "DURATION",
        description =
            "How long to wait for another writer (crawl, send, reindex) to finish, e.g. 30s, 30m"
                + " (default: 5s for crawl, 30m for send and reindex).")
    String wait;

    /** Tells the user once, on {@code err}, why the command waits (unless {@code quiet}). */
    Consumer<String> notice(PrintWriter err, boolean quiet) {
      return why -> {
        if (!quiet) {
          err.println("veille: " + why);
          err.flush();
        }
      };
    }

    /** The duration given, or {@code fallback}. */
    Duration or(Duration fallback) {
      if (wait == null) {
        return fallback;
      }
      try {
        return Durations.parse(wait);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--wait: " + e.getMessage());
      }
    }
  }
}
