package org.veille.config;

import java.util.Objects;

/**
 * A topic of the watch: an id used in facets and digests, a display name, and a query in the search
 * syntax that decides which items belong to it; {@code line} is where it starts in the file.
 */
public record Topic(String id, String name, String query, int line) {
  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
  }
}
