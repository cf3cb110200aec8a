package org.veille.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostPoolTest {

  /** A job result: its id, or the failure that replaced it. */
  private record Done(int job, String failure) {}

  @Test
  void aJobThatFailsInAnyWayBecomesItsOwnFailureAndEveryOtherJobStillRuns() throws Exception {
    // two workers, ten jobs on two hosts; job 3 overflows its stack, job 6 throws an exception
    HostPool<Integer, Done> pool = new HostPool<>(j -> "host-" + (j % 2), Duration.ZERO, 2);
    List<Done> results = new ArrayList<>();
    pool.run(
        IntStream.range(0, 10).boxed().toList(),
        j -> {
          if (j == 3) {
            throw new StackOverflowError();
          }
          if (j == 6) {
            throw new IllegalStateException("bad job");
          }
          return new Done(j, null);
        },
        (j, e) -> new Done(j, e.getClass().getSimpleName()),
        results::addAll);
    assertEquals(10, results.size(), results.toString());
    assertTrue(results.contains(new Done(3, "StackOverflowError")));
    assertTrue(results.contains(new Done(6, "IllegalStateException")));
    assertEquals(8, results.stream().filter(d -> d.failure() == null).count());
  }

  @Test
  void resultsAreConsumedOnTheCallingThread() throws Exception {
    HostPool<Integer, Integer> pool = new HostPool<>(j -> "h" + j, Duration.ZERO, 4);
    Thread caller = Thread.currentThread();
    List<Thread> seen = new ArrayList<>();
    pool.run(
        List.of(1, 2, 3, 4, 5),
        j -> j,
        (j, e) -> -1,
        ready -> ready.forEach(r -> seen.add(Thread.currentThread())));
    assertEquals(5, seen.size());
    assertTrue(seen.stream().allMatch(t -> t == caller));
  }

  @Test
  void aSlowConsumerHoldsBackTheWorkersSoFewResultsWaitInMemory() throws Exception {
    // 200 jobs on 200 hosts, four workers, a consumer slower than the workers: results done but
    // not yet consumed never exceed what the workers can hold (their queue and one in hand each)
    HostPool<Integer, Integer> pool = new HostPool<>(j -> "h" + j, Duration.ZERO, 4);
    java.util.concurrent.atomic.AtomicInteger produced =
        new java.util.concurrent.atomic.AtomicInteger();
    int[] consumed = {0};
    int[] mostWaiting = {0};
    int[] mostAtOnce = {0};
    pool.run(
        IntStream.range(0, 200).boxed().toList(),
        j -> {
          produced.incrementAndGet();
          return j;
        },
        (j, e) -> -1,
        ready -> {
          assertFalse(ready.isEmpty());
          consumed[0] += ready.size();
          mostAtOnce[0] = Math.max(mostAtOnce[0], ready.size());
          mostWaiting[0] = Math.max(mostWaiting[0], produced.get() - consumed[0]);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    assertEquals(200, consumed[0]);
    assertTrue(mostWaiting[0] <= 8, "results waiting at most: " + mostWaiting[0]);
    // what piled up while the consumer worked comes in one hand-over (one transaction, for a crawl)
    assertTrue(mostAtOnce[0] > 1, "results handed over together at most: " + mostAtOnce[0]);
    assertTrue(mostAtOnce[0] <= 4, "never more than the workers' queue: " + mostAtOnce[0]);
  }
}
