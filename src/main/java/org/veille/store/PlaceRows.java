package org.veille.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.veille.territory.Places;

/** The {@code item_places} rows of an item: written from {@link Places}, read back into them. */
final class PlaceRows {
  private PlaceRows() {}

  static final String COMMUNE = "commune";
  static final String EPT = "ept";
  static final String DEPARTEMENT = "departement";

  /** The places of item {@code i}, one {@code kind TAB code TAB name} per line, in order. */
  static final String COLUMN =
      "(SELECT group_concat(kind || char(9) || code || char(9) || name, char(10)) FROM (SELECT kind, code, name FROM item_places p WHERE p.item_id = i.id ORDER BY position))";

  /** Replaces the places of an item. */
  static void write(Statements s, String itemId, Places places) throws SQLException {
    PreparedStatement del = s.get("DELETE FROM item_places WHERE item_id = ?");
    del.setString(1, itemId);
    del.executeUpdate();
    if (places.isEmpty()) {
      return;
    }
    PreparedStatement ins =
        s.get(
            "INSERT OR IGNORE INTO item_places (item_id, kind, code, name, position) VALUES (?, ?, ?, ?, ?)");
    int position = 0;
    position = add(ins, itemId, COMMUNE, places.communes(), position);
    position = add(ins, itemId, EPT, places.epts(), position);
    add(ins, itemId, DEPARTEMENT, places.departements(), position);
    ins.executeBatch();
  }

  private static int add(
      PreparedStatement ins, String id, String kind, List<Places.Place> places, int position)
      throws SQLException {
    for (Places.Place p : places) {
      ins.setString(1, id);
      ins.setString(2, kind);
      ins.setString(3, p.code());
      ins.setString(4, p.name());
      ins.setInt(5, position++);
      ins.addBatch();
    }
    return position;
  }

  /** Reads {@link #COLUMN}'s text (null when the item has no places). */
  static Places decode(String text) {
    if (text == null || text.isEmpty()) {
      return Places.NONE;
    }
    Accumulator a = new Accumulator();
    for (String line : text.split("\n")) {
      String[] f = line.split("\t", 3);
      if (f.length == 3) {
        a.add(f[0], f[1], f[2]);
      }
    }
    return a.places();
  }

  /** Rows of one item, gathered one at a time (the merge-joined scan of a rebuild). */
  static final class Accumulator {
    private final List<Places.Place> communes = new ArrayList<>();
    private final List<Places.Place> epts = new ArrayList<>();
    private final List<Places.Place> departements = new ArrayList<>();

    void add(String kind, String code, String name) {
      Places.Place p = new Places.Place(code, name);
      switch (kind) {
        case COMMUNE -> communes.add(p);
        case EPT -> epts.add(p);
        case DEPARTEMENT -> departements.add(p);
        default -> {} // a kind a later version writes: not ours to read
      }
    }

    Places places() {
      return communes.isEmpty() && epts.isEmpty() && departements.isEmpty()
          ? Places.NONE
          : new Places(communes, epts, departements);
    }
  }
}
