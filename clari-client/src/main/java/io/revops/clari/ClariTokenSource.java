package io.revops.clari;

import java.util.Objects;

/**
 * Supplies the Clari API token. The client asks with {@code refresh = false} for each request and, once,
 * with {@code refresh = true} after Clari answered 401, so a source that re-reads the token (e.g. by
 * running a command) can recover from rotation. Implementations must never log the token.
 */
@FunctionalInterface
public interface ClariTokenSource {
  /** The token to send; {@code refresh} is true after Clari rejected the previous one. */
  String token(boolean refresh);

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
