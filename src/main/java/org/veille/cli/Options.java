package org.veille.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

  /** {@code --no-progress}. */
  static final class Progress {
    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean off;
  }
}
