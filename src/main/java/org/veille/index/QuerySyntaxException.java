package org.veille.index;

/**
 * A query that cannot be parsed. {@link #column()} is the 1-based position of the problem in the
 * query, or 0 when unknown.
 */
public final class QuerySyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int column;

  public QuerySyntaxException(String message, int column) {
    super(message);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
