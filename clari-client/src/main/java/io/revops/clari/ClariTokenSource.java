package io.revops.clari;

import java.util.Objects;

/**
 * Supplies the Clari API token. The client asks with {@code token(false)} for each request and, once per
 * request, with {@link #refresh(String)} after Clari answered 401, so a source that re-reads the token (e.g.
 * by running a command, see {@link CommandTokenSource}) can recover from rotation. Implementations must be
 * thread-safe and must never log the token.
 */
@FunctionalInterface
public interface ClariTokenSource {
  /** The token to send; {@code refresh} is true after Clari rejected the previous one. */
  String token(boolean refresh);

  /**
   * A token to replace {@code rejected}, which Clari just answered 401 to. A source that re-reads its token
   * should return the current one without re-reading when it already differs from {@code rejected}, so
   * that many requests rejected at once cause one re-read. The default asks {@code token(true)}.
   */
  default String refresh(String rejected) {
    return token(true);
  }

  /** A fixed token; its {@code toString()} never shows it. */
  static ClariTokenSource of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("The Clari API token is blank: create one in Clari under Settings -> API Token.");
    }
    return new ClariTokenSource() {
      @Override
      public String token(boolean refresh) {
        return token;
      }

      @Override
      public String toString() {
        return "ClariTokenSource[fixed, redacted]";
      }
    };
  }
}
