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

  /** The fields a user may name in a query. */
  static final List<String> USER_FIELDS =
      List.of("title", "text", "source", "topic", "lang", "author");

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
