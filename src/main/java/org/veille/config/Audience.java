package org.veille.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One newsletter of {@code newsletters:} (or {@code settings.newsletter}, the audience {@code
 * main}): who gets it, what it looks like, which items it keeps, and how the editorial week runs.
 * {@code recipientsFile} may be null; {@code recipientProblems} names the lines of that file that
 * were skipped (invalid address, duplicate), each with its line number.
 */
public record Audience(
    String id,
    Settings.Newsletter letter,
    boolean review,
    Unreviewed unreviewed,
    WhenEmpty whenEmpty,
    Filters filters,
    Path recipientsFile,
    List<String> recipientProblems,
    int line) {

  /** The id of the audience {@code settings.newsletter} stands for. */
  public static final String MAIN = "main";

  public Audience {
    recipientProblems = List.copyOf(recipientProblems);
  }

  /** What the Monday job does with a week not approved in time (when {@code review: true}). */
  public enum Unreviewed {
    HOLD,
    SEND
  }

  /** What a week where the filters keep nothing gives: an honest empty letter, or no letter. */
  public enum WhenEmpty {
    SEND,
    SKIP
  }

  /**
   * Which items an audience keeps: items of one of {@code topics}, carried by one of {@code
   * sources}, about one of the territories. An empty list keeps everything.
   */
  public record Filters(
      List<String> topics,
      List<String> sources,
      List<String> communes,
      List<String> epts,
      List<String> departements) {

    public static final Filters NONE =
        new Filters(List.of(), List.of(), List.of(), List.of(), List.of());

    public Filters {
      topics = List.copyOf(topics);
      sources = List.copyOf(sources);
      communes = List.copyOf(communes);
      epts = List.copyOf(epts);
      departements = List.copyOf(departements);
    }

    /** Whether any territory filter is set. */
    public boolean territorial() {
      return !communes.isEmpty() || !epts.isEmpty() || !departements.isEmpty();
    }
  }

  /** The addresses the letter goes to (without the editor). */
  public List<String> recipients() {
    return letter.recipients();
  }

  public Optional<String> editor() {
    return letter.editorAddress();
  }

  /** The audience of a config without {@code newsletters:}: {@code settings.newsletter} as is. */
  public static Audience main(Settings.Newsletter letter) {
    return new Audience(
        MAIN, letter, false, Unreviewed.HOLD, WhenEmpty.SEND, Filters.NONE, null, List.of(), 0);
  }
}
