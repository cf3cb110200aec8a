package org.veille.parse;

import java.net.URI;

/** What a parser made of a body: items, a pointer to the real feed, or a reason it could not. */
public sealed interface ParseResult {

  /** The body held a feed or a page with items (possibly none, for a feed). */
  record Parsed(ParsedFeed feed) implements ParseResult {}

  /** The body was an HTML page that announces its feed at {@code feedUrl}. */
  record FeedLink(URI feedUrl) implements ParseResult {}

  /** The body could not be used; {@code message} says why in words a user can act on. */
  record Failed(Problem problem, String message) implements ParseResult {}

  /** Kinds of parse failures. */
  enum Problem {
    EMPTY,
    NOT_A_FEED,
    MALFORMED,
    HOSTILE,
    BROKEN_SELECTOR
  }
}
