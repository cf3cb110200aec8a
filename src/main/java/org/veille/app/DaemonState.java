package org.veille.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a daemon writes about itself in {@code daemon.json}: its pid and start time, and for each
 * job the last run (start, end, outcome, summary) and the next fire time. Written atomically after
 * every change; read by {@code veille status}.
 */
public final class DaemonState {
  /** The record of one job. Times may be null (never ran, or no next run). */
  public record JobState(
      Instant lastStart,
      Instant lastEnd,
      String outcome,
      String summary,
      long durationMs,
      Instant next) {
    public JobState withNext(Instant n) {
      return new JobState(lastStart, lastEnd, outcome, summary, durationMs, n);
    }

    public JobState started(Instant at) {
      return new JobState(at, lastEnd, "running", summary, durationMs, next);
    }
  }

  private final Path file;
  private final long pid;
  private final Instant since;
  private final Map<String, JobState> jobs = new LinkedHashMap<>();
  private boolean running = true;

  public DaemonState(Path file, long pid, Instant since) {
    this.file = file;
    this.pid = pid;
    this.since = since;
  }

  public long pid() {
    return pid;
  }

  public Instant since() {
    return since;
  }

  /** Whether the daemon that wrote this file said it was running, and its process is alive. */
  public boolean running() {
    return running && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  public Optional<JobState> job(String name) {
    return Optional.ofNullable(jobs.get(name));
  }

  public synchronized void put(String name, JobState s) {
    jobs.put(name, s);
    save();
  }

  public synchronized void stopped() {
    running = false;
    save();
  }

  synchronized void save() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("pid", pid);
      g.writeStringField("since", since.toString());
      g.writeBooleanField("running", running);
      g.writeObjectFieldStart("jobs");
      for (var e : jobs.entrySet()) {
        JobState s = e.getValue();
        g.writeObjectFieldStart(e.getKey());
        g.writeStringField("last_start", str(s.lastStart()));
        g.writeStringField("last_end", str(s.lastEnd()));
        g.writeStringField("outcome", s.outcome());
        g.writeStringField("summary", s.summary());
        g.writeNumberField("duration_ms", s.durationMs());
        g.writeStringField("next", str(s.next()));
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, out + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String str(Instant t) {
    return t == null ? null : t.toString();
  }

  /**
   * When a daemon first started in {@code dataDir}: read from {@code daemon-first-start}, or
   * recorded there as {@code now} when no daemon ever started here. Runs scheduled before it were
   * never the daemon's to make: a new installation must not mail last week's letter on its first
   * start.
   */
  public static Instant firstStart(Path dataDir, Instant now) {
    Path file = dataDir.resolve("daemon-first-start");
    try {
      if (Files.exists(file)) {
        return Instant.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
      }
      Files.createDirectories(dataDir);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, now + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return now;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    } catch (java.time.format.DateTimeParseException e) {
      throw new RequestException(
          file
              + " does not hold an ISO instant ("
              + e.getParsedString()
              + "); delete it to start"
              + " afresh, or start the daemon with --catch-up");
    }
  }

  /** Reads a state file; empty when there is none (no daemon ever ran here). */
  public static Optional<DaemonState> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      long pid = 0;
      Instant since = null;
      boolean running = false;
      Map<String, JobState> jobs = new LinkedHashMap<>();
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "pid" -> pid = p.getLongValue();
          case "since" -> since = Instant.parse(p.getText());
          case "running" -> running = p.getBooleanValue();
          case "jobs" -> {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              Map<String, String> v = new LinkedHashMap<>();
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                v.put(k, p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText());
              }
              jobs.put(
                  name,
                  new JobState(
                      time(v.get("last_start")),
                      time(v.get("last_end")),
                      v.get("outcome"),
                      v.get("summary"),
                      v.get("duration_ms") == null ? 0 : Long.parseLong(v.get("duration_ms")),
                      time(v.get("next"))));
            }
          }
          default -> p.skipChildren();
        }
      }
      DaemonState s = new DaemonState(file, pid, since == null ? Instant.EPOCH : since);
      s.jobs.putAll(jobs);
      s.running = running;
      return Optional.of(s);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a half-written or foreign file says nothing reliable
    }
  }

  private static Instant time(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
