package org.veille.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When a new item joins a cluster: it joins the cluster of the most similar earlier item from
 * another source dated within {@link #window} of it, when their estimated similarity reaches {@link
 * #threshold}. An earlier item from the same source qualifies only as a near-copy ({@link
 * #sameSourceThreshold}): a feed that republishes its items under new URLs gives one cluster per
 * story, while a source's own different stories on one topic never merge.
 */
public record ClusterRule(Duration window, double threshold, double sameSourceThreshold) {

  /**
   * Measured on the labelled pairs of the tests (rewrites of one story by other outlets against
   * different stories on the same topic): see {@code ClusterRuleTest}.
   */
  public static final double THRESHOLD = 0.09;

  public static final double SAME_SOURCE_THRESHOLD = 0.80;

  public static final ClusterRule DEFAULT =
      new ClusterRule(Duration.ofDays(14), THRESHOLD, SAME_SOURCE_THRESHOLD);

  /** An earlier item that shares a band key with the new one. */
  public record Candidate(
      String id, String source, Instant at, String cluster, Signature signature) {
    /** The cluster it belongs to, or its own id when it is alone so far. */
    public String clusterId() {
      return cluster == null ? id : cluster;
    }
  }

  /** A candidate the new item joins, with their estimated similarity. */
  public record Match(Candidate candidate, double similarity) {}

  /** The candidate whose cluster an item of {@code source} at {@code at} joins, if any. */
  public Optional<Match> best(
      Signature signature, String source, Instant at, Collection<Candidate> candidates) {
    Match best = null;
    for (Candidate c : candidates) {
      if (c.signature() == null || Duration.between(c.at(), at).abs().compareTo(window) > 0) {
        continue;
      }
      double sim = signature.similarity(c.signature());
      double needed = c.source().equals(source) ? sameSourceThreshold : threshold;
      if (sim < needed) {
        continue;
      }
      if (best == null
          || sim > best.similarity()
          || (sim == best.similarity() && c.at().isBefore(best.candidate().at()))) {
        best = new Match(c, sim);
      }
    }
    return Optional.ofNullable(best);
  }
}
