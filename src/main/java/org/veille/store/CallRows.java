package org.veille.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.veille.calls.Call;

/** The {@code item_calls} row of an item: written from a {@link Call}, read back into one. */
final class CallRows {
  private CallRows() {}

  /** The call of item {@code i} as one line of tab-separated fields, or null. */
  static final String COLUMN =
      "(SELECT c.call_kind || char(9) || COALESCE(c.deadline, '') || char(9) || COALESCE(c.deadline_time, '') || char(9) || COALESCE(c.final_deadline, '') || char(9) || COALESCE(c.deadline_zone, '') || char(9) || c.call_rolling FROM item_calls c WHERE c.item_id = i.id)";

  /** Replaces the call of an item (none: the row goes). */
  static void write(Statements s, String itemId, Call call) throws SQLException {
    if (!call.isCall()) {
      PreparedStatement del = s.get("DELETE FROM item_calls WHERE item_id = ?");
      del.setString(1, itemId);
      del.executeUpdate();
      return;
    }
    PreparedStatement ps =
        s.get(
            "INSERT OR REPLACE INTO item_calls (item_id, call_kind, deadline, deadline_time, final_deadline, deadline_zone, call_rolling) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, itemId);
    ps.setString(2, call.kind());
    ps.setString(3, call.deadline() == null ? null : call.deadline().toString());
    ps.setString(4, call.time() == null ? null : hhmm(call.time()));
    ps.setString(5, call.finalDeadline() == null ? null : call.finalDeadline().toString());
    ps.setString(6, call.zone());
    ps.setInt(7, call.rolling() ? 1 : 0);
    ps.executeUpdate();
  }

  static String hhmm(LocalTime t) {
    return String.format("%02d:%02d", t.getHour(), t.getMinute());
  }

  /**
   * Reads {@link #COLUMN}'s text; a row this version cannot read is no call rather than a fault.
   */
  static Call decode(String text) {
    if (text == null || text.isEmpty()) {
      return Call.NONE;
    }
    String[] f = text.split("\t", -1);
    if (f.length < 6) {
      return Call.NONE;
    }
    try {
      LocalDate deadline = f[1].isEmpty() ? null : LocalDate.parse(f[1]);
      return new Call(
          f[0],
          deadline,
          deadline == null || f[2].isEmpty() ? null : LocalTime.parse(f[2]),
          deadline == null || f[3].isEmpty() ? null : LocalDate.parse(f[3]),
          f[4].isEmpty() ? null : f[4],
          deadline == null && "1".equals(f[5]));
    } catch (DateTimeException | IllegalArgumentException e) {
      return Call.of(f[0]);
    }
  }
}
