package org.veille.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veille.cluster.Bands;
import org.veille.cluster.ClusterRule;
import org.veille.cluster.Signature;

/**
 * Places new items in near-duplicate clusters, in the transaction that stores them: looks an item's
 * candidates up by band key within the rule's window (a few index seeks on {@code item_bands},
 * never a scan of the items, and the {@link UnsettledBands} of the saves since the last settling)
 * before its row is written, so that the row is inserted with its signature and the cluster of the
 * best candidate, then appends its band keys to {@code band_log}, with the save's {@link
 * Statements}.
 */
final class ClusterWriter {
  /** Rows read per band key, newest first: a key that very many items share tells little. */
  private static final int PER_BAND = 16;

  /** Candidates whose signatures are read, those sharing the most band keys first. */
  private static final int COMPARED = 8;

  private static final String CANDIDATES = candidatesSql(Bands.BANDS);
  private static final String BAND = "INSERT INTO band_log (band, at, item_id) VALUES (?, ?, ?)";
  private static final String SET_OTHER = "UPDATE items SET cluster = ?, indexed = 0 WHERE id = ?";

  private final Statements statements;
  private final ClusterRule rule;
  private final UnsettledBands unsettled;

  ClusterWriter(Statements statements, ClusterRule rule, UnsettledBands unsettled) {
    this.statements = statements;
    this.rule = rule;
    this.unsettled = unsettled;
  }

  /**
   * Where a new item goes, decided before its row is written (so that the row is written once, with
   * its signature and cluster): its band keys, date, and the cluster it joins, if any.
   */
  record Placement(
      Signature signature, long[] keys, Instant at, Optional<ClusterRule.Match> match) {
    /** The id of the cluster the item joins, or null when it stays alone. */
    String cluster() {
      return match.map(m -> m.candidate().clusterId()).orElse(null);
    }
  }

  /**
   * Looks up the cluster that a new item of {@code source}, dated {@code at}, joins. Reads only;
   * {@link #record} writes once the item's row, carrying {@link Placement#cluster}, is stored.
   */
  Placement place(String source, Instant at, Signature signature) throws SQLException {
    long[] keys = Bands.keys(signature);
    return new Placement(
        signature, keys, at, rule.best(signature, source, at, candidates(keys, at)));
  }

  /**
   * Writes the band keys of new item {@code id}, stored with {@code p}'s signature and cluster.
   * Returns the id of an earlier item whose cluster changed (it was alone and now heads the new
   * item's cluster), to be indexed again.
   */
  Optional<String> record(String id, Placement p) throws SQLException {
    PreparedStatement band = statements.get(BAND);
    for (long k : p.keys()) {
      band.setLong(1, k);
      band.setLong(2, p.at().toEpochMilli());
      band.setString(3, id);
      band.addBatch();
    }
    band.executeBatch();
    unsettled.add(id, p.at().toEpochMilli(), p.keys());
    Optional<ClusterRule.Match> match = p.match();
    if (match.isPresent() && match.get().candidate().cluster() == null) {
      String cluster = p.cluster();
      PreparedStatement setOther = statements.get(SET_OTHER);
      setOther.setString(1, cluster);
      setOther.setString(2, cluster);
      setOther.executeUpdate();
      return Optional.of(cluster);
    }
    return Optional.empty();
  }

  /** The earlier items sharing a band key, within the window, those sharing most keys first. */
  private List<ClusterRule.Candidate> candidates(long[] keys, Instant at) throws SQLException {
    PreparedStatement candidates = statements.get(CANDIDATES);
    long from = at.minus(rule.window()).toEpochMilli();
    long to = at.plus(rule.window()).toEpochMilli();
    for (int i = 0; i < keys.length; i++) {
      candidates.setLong(3 * i + 1, keys[i]);
      candidates.setLong(3 * i + 2, from);
      candidates.setLong(3 * i + 3, to);
    }
    Map<String, Integer> shared = new HashMap<>();
    try (ResultSet rs = candidates.executeQuery()) {
      while (rs.next()) {
        shared.merge(rs.getString(1), 1, Integer::sum);
      }
    }
    for (long key : keys) {
      for (UnsettledBands.Row row : unsettled.rows(key, from, to, PER_BAND)) {
        shared.merge(row.itemId(), 1, Integer::sum);
      }
    }
    if (shared.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(shared.keySet());
    ids.sort(
        (a, b) ->
            shared.get(b) - shared.get(a) != 0 ? shared.get(b) - shared.get(a) : a.compareTo(b));
    PreparedStatement candidate = statements.get(CANDIDATE_SQL);
    List<ClusterRule.Candidate> out = new ArrayList<>();
    for (String cid : ids.subList(0, Math.min(COMPARED, ids.size()))) {
      candidate.setString(1, cid);
      try (ResultSet rs = candidate.executeQuery()) {
        if (rs.next()) {
          out.add(
              new ClusterRule.Candidate(
                  rs.getString(1),
                  rs.getString(2),
                  Instant.ofEpochMilli(rs.getLong(3)),
                  rs.getString(4),
                  Signature.of(rs.getBytes(5))));
        }
      }
    }
    return out;
  }

  /**
   * The items sharing one of {@code bands} band keys, each parameter triple a key and the window's
   * bounds: per key, an index range on {@code (band, at)}, newest first.
   */
  static String candidatesSql(int bands) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < bands; i++) {
      sql.append(i == 0 ? "" : " UNION ALL ")
          .append("SELECT * FROM (SELECT item_id FROM item_bands WHERE band = ? AND at BETWEEN ?")
          .append(" AND ? ORDER BY at DESC LIMIT ")
          .append(PER_BAND)
          .append(")");
    }
    return sql.toString();
  }

  /** How a candidate's signature is read: by primary key. */
  static final String CANDIDATE_SQL =
      "SELECT id, source_id, COALESCE(published, first_seen), cluster, signature FROM items WHERE id = ?";
}
