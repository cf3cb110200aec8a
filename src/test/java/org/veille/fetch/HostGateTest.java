package org.veille.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-host slots that the crawl's queue and the article fetches share. */
class HostGateTest {
  record Job(String host, String article) {}

  /**
   * Two sources, each on its own host, each linking to an article on the other's host: every worker
   * lets go of its host before waiting for the other, so neither waits forever, and no host ever
   * sees two requests at once.
   */
  @Test
  void crossedArticleHostsNeitherDeadlockNorOverlap() throws Exception {
    HostGate gate = new HostGate(Duration.ofMillis(30));
    List<Job> jobs =
        List.of(
            new Job("www.lagazettedescommunes.com", "www.banquedesterritoires.fr"),
            new Job("www.banquedesterritoires.fr", "www.lagazettedescommunes.com"),
            new Job("www.lagazettedescommunes.com", "www.banquedesterritoires.fr"),
            new Job("www.banquedesterritoires.fr", "www.lagazettedescommunes.com"));
    PoliteQueue<Job> q = new PoliteQueue<>(jobs, Job::host, gate);
    Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    CountDownLatch bothStarted = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    for (int w = 0; w < 2; w++) {
      pool.execute(
          () -> {
            try {
              for (var j = q.take(); j.isPresent(); j = q.take()) {
                request(j.get().host(), inFlight, overlaps);
                bothStarted.countDown();
                bothStarted.await(1, TimeUnit.SECONDS); // both hold a host: the crossed case
                gate.enter(j.get().article());
                try {
                  request(j.get().article(), inFlight, overlaps);
                } finally {
                  gate.leave();
                }
                q.release(j.get());
                done.incrementAndGet();
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "a worker waits forever");
    assertEquals(4, done.get());
    assertEquals(0, overlaps.get());
  }

  @Test
  void requestsOfOneHostThroughTheGateAreSpacedByTheDelay() throws Exception {
    HostGate gate = new HostGate(Duration.ofMillis(120));
    List<Long> starts = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    for (int i = 0; i < 3; i++) {
      pool.execute(
          () -> {
            try {
              gate.enter("www.ecologie.gouv.fr");
              starts.add(System.nanoTime());
              Thread.sleep(10);
              gate.leave();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    List<Long> sorted = starts.stream().sorted().toList();
    for (int i = 1; i < sorted.size(); i++) {
      long gap = (sorted.get(i) - sorted.get(i - 1)) / 1_000_000;
      assertTrue(gap >= 125, "gap " + gap + " ms"); // 10 ms of request, then 120 ms of delay
    }
  }

  private static void request(
      String host, Map<String, AtomicInteger> inFlight, AtomicInteger overlaps)
      throws InterruptedException {
    AtomicInteger n = inFlight.computeIfAbsent(host, h -> new AtomicInteger());
    if (n.incrementAndGet() > 1) {
      overlaps.incrementAndGet();
    }
    Thread.sleep(15);
    n.decrementAndGet();
  }
}
