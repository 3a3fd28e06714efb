package io.revops.salesforce.internal;

import io.revops.salesforce.RetryPolicy;
import io.revops.salesforce.SalesforceTransportException;
import io.revops.salesforce.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * The arithmetic of a {@link RetryPolicy}: which statuses are transient, how long to wait before the next
 * attempt (exponential backoff with jitter, or {@code Retry-After}), and when the attempts or the time
 * budget are spent. Time comes from the injected clock and sleeper, so tests run in virtual time.
 */
public final class Retries {
  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 502, 503, 504);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier jitter;

  /** {@code jitter} returns values in [0, 1). */
  public Retries(RetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier jitter) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
  }

  /** Whether an HTTP status is worth another attempt (for a request that may be repeated). */
  public static boolean isTransientStatus(int status) {
    return TRANSIENT_STATUSES.contains(status);
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * The wait before the next attempt, or empty when no attempt is left: {@code attemptsMade} reached the
   * policy's maximum, or the wait would end after the time budget counted from {@code start}.
   */
  public Optional<Duration> nextDelay(int attemptsMade, Instant start, Optional<Duration> retryAfter) {
    if (attemptsMade >= policy.maxAttempts()) {
      return Optional.empty();
    }
    Duration wait = retryAfter.orElseGet(() -> backoff(attemptsMade));
    Duration elapsed = Duration.between(start, clock.instant());
    if (elapsed.plus(wait).compareTo(policy.maxElapsed()) > 0) {
      return Optional.empty();
    }
    return Optional.of(wait);
  }

  /** Equal jitter: half the nominal exponential wait, plus a random part of the other half. */
  Duration backoff(int attemptsMade) {
    long nominal = policy.initialBackoff().toMillis() << Math.min(Math.max(0, attemptsMade - 1), 20);
    long capped = Math.min(nominal, policy.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + (long) (jitter.getAsDouble() * (capped - capped / 2)));
  }

  /** Sleeps; an interrupt ends the call with a transport error (the request is not retried). */
  public void sleep(Duration wait, String operation) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SalesforceTransportException(false, operation + " was interrupted while waiting to retry.", e);
    }
  }

  /** What an error message says once retrying stopped, e.g. " (gave up after 4 attempts in 23 s)". */
  public String gaveUp(int attempts, Instant start, Optional<Duration> retryAfter) {
    if (attempts <= 1 && retryAfter.isEmpty()) {
      return "";
    }
    long seconds = Duration.between(start, clock.instant()).toSeconds();
    String asked = retryAfter.map(d -> "; Salesforce asked to wait " + d.toSeconds() + " s more").orElse("");
    return " (gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " in " + seconds + " s"
        + asked + ")";
  }

  /** Parses {@code Retry-After}: delta seconds or an HTTP-date; empty when absent or unreadable. */
  public Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
