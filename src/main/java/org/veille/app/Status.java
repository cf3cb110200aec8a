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

  /**
   * The ledger of the last newsletter week, counted; {@code unknown} lists the recipients whose
   * delivery is unknown (a send died during their SMTP exchange).
   */
  public record LastLetter(
      String week, long sent, long failed, long pending, List<String> unknown) {
    public LastLetter {
      unknown = List.copyOf(unknown);
    }
  }

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
      Instant nextLetter,
      List<AudienceLetter> newsletters) {

    public Report {
      unhealthy = List.copyOf(unhealthy);
      newsletters = List.copyOf(newsletters);
    }

    public boolean daemonRunning() {
      return daemon.map(DaemonState::running).orElse(false);
    }
  }

  /**
   * One audience of feeds.yaml: its last week in the ledger (empty when never sent), and whether
   * the week due next is approved (null when the audience does not review).
   */
  public record AudienceLetter(
      String id, Optional<LastLetter> last, String dueWeek, Boolean dueApproved) {}

  public Report read() throws ConfigException {
    Config config = ctx.config();
    Optional<DaemonState> daemon = DaemonState.read(ctx.dataDir().resolve("daemon.json"));
    boolean running = daemon.map(DaemonState::running).orElse(false);
    try (Store store = ctx.openStore()) {
      Optional<CrawlRun> crawl = store.sources().lastCrawl();
      String first = config.newsletters().get(0).id();
      Optional<LastLetter> letter = last(store, first);
      String due =
          org.veille.digest.Period.lastCompletedWeek(ctx.now(), config.settings().timezone())
              .name();
      List<AudienceLetter> audiences = new java.util.ArrayList<>();
      for (var a : config.newsletters()) {
        Boolean approved =
            a.review()
                ? store.drafts().draft(a.id(), due).map(d -> d.approvedAt() != null).orElse(false)
                : null;
        audiences.add(new AudienceLetter(a.id(), last(store, a.id()), due, approved));
      }
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
          running ? next(daemon, "newsletter") : null,
          audiences);
    }
  }

  private static Optional<LastLetter> last(Store store, String audience) {
    return store
        .ledger()
        .lastWeek(audience)
        .map(
            w -> {
              Map<String, Delivery> ledger = store.ledger().week(audience, w);
              return new LastLetter(
                  w,
                  count(ledger, Delivery.Status.SENT),
                  count(ledger, Delivery.Status.FAILED),
                  count(ledger, Delivery.Status.PENDING),
                  ledger.values().stream()
                      .filter(d -> d.status() == Delivery.Status.SENDING)
                      .map(Delivery::recipient)
                      .toList());
            });
  }

  private static Instant next(Optional<DaemonState> daemon, String job) {
    return daemon.flatMap(d -> d.job(job)).map(DaemonState.JobState::next).orElse(null);
  }

  private static long count(Map<String, Delivery> ledger, Delivery.Status s) {
    return ledger.values().stream().filter(d -> d.status() == s).count();
  }
}
