package org.veille.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The archive of letters: what each audience's letter of a week contained, version by version. */
public interface LetterArchive {

  /**
   * Records {@code letter} as the latest version of its week: when it reads exactly as the latest
   * version (same HTML and text), that version is kept and only its status updated; else a new
   * version is added. Returns the version number.
   */
  int record(ArchivedLetter letter);

  /** Marks a version as sent at {@code at} (keeps the first date when sent in several runs). */
  void markSent(String audience, String week, int version, Instant at);

  /** The latest version of every letter (of one audience when not null), newest week first. */
  List<ArchivedLetter> list(String audience);

  /** The latest version of an audience's week. */
  Optional<ArchivedLetter> latest(String audience, String week);

  /** For each of {@code itemIds} that went out, the letters that carried it ({@code aud/week}). */
  Map<String, List<String>> sentIn(Collection<String> itemIds);

  /**
   * Ids of the items sent in letters of {@code audience} (null: any) and {@code week} (null: any).
   */
  Set<String> sentItems(String audience, String week);
}
