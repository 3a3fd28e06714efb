package io.revops.clari;

import java.time.Duration;
import java.util.Optional;

/** Clari kept answering HTTP 429 after the allowed retries; {@link #retryAfter()} says when to try again if Clari said so. */
public class ClariRateLimitException extends ClariApiException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  /** Creates the exception; {@code retryAfter} may be null when Clari sent no {@code Retry-After}. */
  public ClariRateLimitException(String message, String errorCode, String errorId, Duration retryAfter) {
    super(message, 429, errorCode, errorId, null);
    this.retryAfter = retryAfter;
  }

  /** The wait Clari asked for in its last {@code Retry-After} header, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
