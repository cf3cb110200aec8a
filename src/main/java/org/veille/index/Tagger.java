package org.veille.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * Decides which topics an item belongs to by matching its document against every topic's query in
 * memory ({@link MemoryIndex}), with the same analysis and query syntax as a search. Thread-safe.
 */
public final class Tagger {
  private final Map<String, Query> queries = new LinkedHashMap<>();

  /** A topic for tagging: its id and its query in the search syntax. */
  public record TopicQuery(String id, String query) {}

  /**
   * Parses every topic query.
   *
   * @throws InvalidTopicException naming the first topic whose query does not parse
   */
  public Tagger(List<TopicQuery> topics) throws InvalidTopicException {
    for (TopicQuery t : topics) {
      try {
        queries.put(t.id(), UserQueryParser.toQuery(t.query()));
      } catch (QuerySyntaxException e) {
        throw new InvalidTopicException(t.id(), e);
      }
    }
  }

  /** What is wrong with {@code query} as a topic query, or empty when it parses. */
  public static java.util.Optional<String> queryProblem(String query) {
    try {
      UserQueryParser.toQuery(query);
      return java.util.Optional.empty();
    } catch (QuerySyntaxException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  /** The ids of the topics whose query matches {@code doc}, in configuration order. */
  public List<String> topics(IndexDoc doc) {
    if (queries.isEmpty()) {
      return List.of();
    }
    MemoryIndex mi = new MemoryIndex();
    mi.addField(Fields.title(doc.lang()), doc.title(), Analyzers.PER_FIELD);
    mi.addField(Fields.body(doc.lang()), doc.body(), Analyzers.PER_FIELD);
    if (doc.author() != null) {
      mi.addField(Fields.AUTHOR, doc.author(), Analyzers.PER_FIELD);
    }
    for (String s : doc.sources()) {
      mi.addField(Fields.SOURCE, s.toLowerCase(Locale.ROOT), Analyzers.KEYWORD);
    }
    mi.addField(Fields.LANG, doc.lang() == null ? "und" : doc.lang(), Analyzers.KEYWORD);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Query> e : queries.entrySet()) {
      if (mi.search(e.getValue()) > 0.0f) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** A topic's query does not parse. */
  public static final class InvalidTopicException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String topic;

    InvalidTopicException(String topic, QuerySyntaxException cause) {
      super("topic '" + topic + "': " + cause.getMessage(), cause);
      this.topic = topic;
    }

    public String topic() {
      return topic;
    }
  }
}
