package org.veille.index;

import java.util.List;

/**
 * Index field names. Title and body (summary and content) go to the French or the English fields by
 * the item's language (English for {@code en}, French for every other language); a query is
 * analysed for both and searches both, so that either language finds items in both. The user's
 * {@code text} field is title and body together.
 */
final class Fields {
  static final String ID = "id";
  static final String TITLE_FR = "title_fr";
  static final String TITLE_EN = "title_en";
  static final String BODY_FR = "body_fr";
  static final String BODY_EN = "body_en";
  static final String AUTHOR = "author";
  static final String SOURCE = "source";
  static final String TOPIC = "topic";
  static final String LANG = "lang";
  static final String PUBLISHED = "published";

  /** INSEE codes of the communes an item is about (also a facet). */
  static final String COMMUNE = "commune";

  /** Their names, folded as {@link org.veille.territory.Places#nameKey}. */
  static final String COMMUNE_NAME = "commune_name";

  /** Territory (EPT) codes, T1…T12 (also a facet). */
  static final String TERRITORY = "territory";

  static final String DEPT = "dept";

  /**
   * What a search collapses on: the near-duplicate cluster's id, or the item's own id when it is
   * alone (a keyword with doc values).
   */
  static final String CLUSTER = "cluster";

  /** The cluster's id, only on items in a cluster (to count the clusters among matches). */
  static final String IN_CLUSTER = "in_cluster";

  /** "true" and the kind (aap, ami, concours…) for an item that is a call for projects. */
  static final String CALL = "call";

  /** The deadlines of a call, YYYY-MM-DD (the next and the final one): ranges compare as text. */
  static final String DEADLINE = "deadline";

  /** The fields a user may name in a query. */
  static final List<String> USER_FIELDS =
      List.of(
          "title",
          "text",
          "source",
          "topic",
          "lang",
          "author",
          "commune",
          "territory",
          "dept",
          "call",
          "deadline");

  private Fields() {}

  static boolean english(String lang) {
    return "en".equals(lang);
  }

  static String title(String lang) {
    return english(lang) ? TITLE_EN : TITLE_FR;
  }

  /** The body field (summary and content) for an item's language. */
  static String body(String lang) {
    return english(lang) ? BODY_EN : BODY_FR;
  }
}
