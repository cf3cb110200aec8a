package org.veille.store;

/**
 * The store could not be opened, read or written; the message names the database file and, for a
 * full disk or a damaged file, the way out.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as the operator's next step is concerned. */
  public enum Kind {
    /** The device holding the data folder has no space left; nothing was half-written. */
    FULL,
    /** The database file is damaged or is not a Veille store: restore a backup. */
    DAMAGED,
    /** Anything else. */
    OTHER
  }

  private final Kind kind;

  public StoreException(String message, Throwable cause) {
    this(Kind.OTHER, message, cause);
  }

  public StoreException(String message) {
    this(Kind.OTHER, message, null);
  }

  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The same failure with what it means for the operation that met it appended. */
  public StoreException about(String consequence) {
    return new StoreException(kind, getMessage() + "; " + consequence, this);
  }
}
