package org.veille.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoliteQueueTest {
  record Job(String host, int n) {}

  @Test
  void oneRequestAtATimePerHostWithTheDelayBetween() throws Exception {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      jobs.add(new Job("h" + (i % 3), i));
    }
    PoliteQueue<Job> q = new PoliteQueue<>(jobs, Job::host, Duration.ofMillis(50));
    Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    Map<String, List<long[]>> spans = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    for (int w = 0; w < 6; w++) {
      pool.execute(
          () -> {
            try {
              for (var j = q.take(); j.isPresent(); j = q.take()) {
                String h = j.get().host();
                if (inFlight.computeIfAbsent(h, k -> new AtomicInteger()).incrementAndGet() > 1) {
                  overlaps.incrementAndGet();
                }
                long start = System.nanoTime();
                Thread.sleep(10);
                inFlight.get(h).decrementAndGet();
                spans
                    .computeIfAbsent(h, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new long[] {start, System.nanoTime()});
                q.release(j.get());
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(0, overlaps.get(), "never two requests at once on one host");
    for (List<long[]> s : spans.values()) {
      assertEquals(4, s.size());
      s.sort((a, b) -> Long.compare(a[0], b[0]));
      for (int i = 1; i < s.size(); i++) {
        long gapMs = (s.get(i)[0] - s.get(i - 1)[1]) / 1_000_000;
        assertTrue(gapMs >= 45, "per-host delay respected: " + gapMs + " ms");
      }
    }
  }

  @Test
  void closeStopsHandingOutWork() throws Exception {
    PoliteQueue<Job> q =
        new PoliteQueue<>(List.of(new Job("a", 1), new Job("a", 2)), Job::host, Duration.ZERO);
    assertTrue(q.take().isPresent());
    q.close();
    assertTrue(q.take().isEmpty());
  }
}
