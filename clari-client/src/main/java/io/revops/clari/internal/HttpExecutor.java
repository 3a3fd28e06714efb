package io.revops.clari.internal;

import io.revops.clari.ClariApiException;
import io.revops.clari.ClariTransportException;
import io.revops.clari.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends requests with Clari's retry rules: 429 waits {@code Retry-After} (seconds or HTTP-date; 20 s when
 * absent) up to {@value #MAX_RATE_LIMIT_RETRIES} times for every method (a 429 means the request was not
 * processed); GETs and the cancel PATCH are retried on 502/503/504 and network errors with exponential
 * backoff and jitter; a POST is never retried on those, since a duplicate export job spends quota.
 */
public final class HttpExecutor {
  static final int MAX_RATE_LIMIT_RETRIES = 3;
  static final int MAX_SERVER_RETRIES = 3;
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(20);
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
  private static final Duration BASE_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(16);
  private static final Set<Integer> RETRYABLE_GATEWAY = Set.of(502, 503, 504);
  private static final Logger LOG = Logger.getLogger(HttpExecutor.class.getName());

  private final OkHttpClient http;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier jitter;

  /** {@code jitter} returns values in [0, 1). */
  public HttpExecutor(OkHttpClient http, Sleeper sleeper, Clock clock, DoubleSupplier jitter) {
    this.http = http;
    this.sleeper = sleeper;
    this.clock = clock;
    this.jitter = jitter;
  }

  /** Executes {@code request}; returns the body of a 2xx answer or throws the mapped {@link ClariApiException}. */
  public String execute(Request request) {
    String operation = describe(request);
    boolean retrySafe = !"POST".equals(request.method());
    int rateLimited = 0;
    int serverRetries = 0;
    while (true) {
      try (Response response = http.newCall(request).execute()) {
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        if (response.isSuccessful()) {
          return text;
        }
        int code = response.code();
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        if (code == 429 && rateLimited < MAX_RATE_LIMIT_RETRIES) {
          Duration wait = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
          if (wait.compareTo(MAX_RETRY_AFTER) <= 0) {
            rateLimited++;
            LOG.log(Level.FINE, "Clari rate limited {0}; retrying in {1} s", new Object[] {operation, wait.toSeconds()});
            pause(wait, operation);
            continue;
          }
        }
        if (retrySafe && RETRYABLE_GATEWAY.contains(code) && serverRetries < MAX_SERVER_RETRIES) {
          pause(backoff(serverRetries++), operation);
          continue;
        }
        throw ErrorMapper.toException(code, text, operation, retryAfter);
      } catch (IOException e) {
        if (retrySafe && serverRetries < MAX_SERVER_RETRIES && !Thread.currentThread().isInterrupted()) {
          LOG.log(Level.FINE, "Network error on {0}; retrying", operation);
          pause(backoff(serverRetries++), operation);
          continue;
        }
        throw new ClariTransportException("Clari " + operation + " failed: no response (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). "
            + (retrySafe ? "Check the network and the Clari base URL, then retry."
                : "The request may still have reached Clari: before submitting again, check the running jobs"
                    + " (GET /export/jobs or getAdminLimits()) so as not to spend quota twice."), 0, null, null, e);
      }
    }
  }

  /** "METHOD /path" of a request, for messages (no query, no headers). */
  public static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private Duration backoff(int retry) {
    long capped = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << retry);
    return Duration.ofMillis((long) (capped * (0.5 + 0.5 * jitter.getAsDouble())));
  }

  private void pause(Duration duration, String operation) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClariTransportException("Clari " + operation + " was interrupted while waiting to retry.", 0, null,
          null, e);
    }
  }

  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
