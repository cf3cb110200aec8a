package org.veille.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.store.CrawlRun;
import org.veille.store.Delivery;
import org.veille.store.Store;

/** The health of an installation: the daemon, the last crawl and newsletter, broken sources. */
public final class Status {
  private final Context ctx;

  public Status(Context ctx) {
    this.ctx = ctx;
  }

  /** The ledger of the last newsletter week, counted. */
  public record LastLetter(String week, long sent, long failed, long pending) {}

  /**
   * What {@code veille status} reports. {@code daemon} is the last state a daemon wrote; {@code
   * nextCrawl} and {@code nextLetter} are null unless a daemon runs.
   */
  public record Report(
      Optional<DaemonState> daemon,
      Optional<CrawlRun> crawl,
      Optional<LastLetter> newsletter,
      List<String> unhealthy,
      Instant nextCrawl,
      Instant nextLetter) {

    public Report {
      unhealthy = List.copyOf(unhealthy);
    }

    public boolean daemonRunning() {
      return daemon.map(DaemonState::running).orElse(false);
    }
  }

  public Report read() throws ConfigException {
    Config config = ctx.config();
    Optional<DaemonState> daemon = DaemonState.read(ctx.dataDir().resolve("daemon.json"));
    boolean running = daemon.map(DaemonState::running).orElse(false);
    try (Store store = ctx.openStore()) {
      Optional<CrawlRun> crawl = store.sources().lastCrawl();
      Optional<LastLetter> letter =
          store
              .ledger()
              .lastWeek()
              .map(
                  w -> {
                    Map<String, Delivery> ledger = store.ledger().week(w);
                    return new LastLetter(
                        w,
                        count(ledger, Delivery.Status.SENT),
                        count(ledger, Delivery.Status.FAILED),
                        count(ledger, Delivery.Status.PENDING));
                  });
      List<String> unhealthy =
          store.sources().statuses().stream()
              .filter(
                  s -> config.source(s.id()).map(c -> c.enabled()).orElse(false) && !s.healthy())
              .map(s -> s.id())
              .toList();
      return new Report(
          daemon,
          crawl,
          letter,
          unhealthy,
          running ? next(daemon, "crawl") : null,
          running ? next(daemon, "newsletter") : null);
    }
  }

  private static Instant next(Optional<DaemonState> daemon, String job) {
    return daemon.flatMap(d -> d.job(job)).map(DaemonState.JobState::next).orElse(null);
  }

  private static long count(Map<String, Delivery> ledger, Delivery.Status s) {
    return ledger.values().stream().filter(d -> d.status() == s).count();
  }
}
