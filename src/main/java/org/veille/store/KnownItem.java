package org.veille.store;

import java.util.Optional;

/**
 * What the store already holds of an item a feed gives again, for the full-text step: its id,
 * whether the feed's title and summary are as stored ({@code unchanged}), whether another source
 * brought it first (its text is then that source's), the full-text state recorded (null before
 * any), and the validators of the article page when one was fetched. Only the fields the step
 * needs.
 */
public record KnownItem(
    String id,
    boolean unchanged,
    boolean fromOtherSource,
    FullText.Status status,
    int attempts,
    String etag,
    String lastModified) {

  /** Whether the stored article page can be asked for again with a conditional GET. */
  public boolean hasValidators() {
    return status == FullText.Status.FETCHED && (etag != null || lastModified != null);
  }

  public Optional<FullText.Status> fullTextStatus() {
    return Optional.ofNullable(status);
  }
}
