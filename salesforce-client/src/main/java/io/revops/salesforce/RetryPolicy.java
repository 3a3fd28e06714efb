package io.revops.salesforce;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries transient failures: connection failures and HTTP 429, 502, 503 and 504.
 *
 * <p>Only requests that are safe to repeat are retried after they may have reached Salesforce: GETs and
 * a PATCH that sets a single field. Any request, including a POST, is retried when it certainly never left
 * (the connection could not be opened). A POST that may have reached Salesforce is never repeated, and
 * {@code 403 REQUEST_LIMIT_EXCEEDED} and 500 are never retried. Waits grow exponentially from
 * {@link #initialBackoff} up to {@link #maxBackoff}, with jitter (each wait is between half and all of
 * its nominal value); a {@code Retry-After} header replaces the computed wait. Retrying stops after
 * {@link #maxAttempts} attempts or when the next wait would end after {@link #maxElapsed} since the first
 * attempt, whichever comes first; the error then says how many attempts were made.
 *
 * @param maxAttempts attempts in total, including the first; 1 disables retries
 * @param initialBackoff the nominal wait before the first retry
 * @param maxBackoff the largest nominal wait between attempts
 * @param maxElapsed the time after the first attempt within which retries must start
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
  /** 4 attempts, waits from 1 s doubling up to 16 s, retries only within 60 s of the first attempt. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(16), Duration.ofSeconds(60));

  /** One attempt, no retries. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts must be 1-20 (1 disables retries), got " + maxAttempts);
    }
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(maxElapsed, "maxElapsed");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") is shorter than initialBackoff ("
          + initialBackoff + "): pass a maxBackoff at least as long");
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d + ": pass e.g. Duration.ofSeconds(1)");
    }
  }
}
