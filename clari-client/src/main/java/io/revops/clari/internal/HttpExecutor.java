package io.revops.clari.internal;

import io.revops.clari.ClariApiException;
import io.revops.clari.ClariTransportException;
import io.revops.clari.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * backoff and jitter; a POST is retried on a network error only when it certainly never left (the
 * connection could not be opened), never on 5xx, since a duplicate export job spends quota. No retry
 * starts later than {@link #MAX_RETRY_TIME} after the first attempt.
 */
public final class HttpExecutor {
  static final int MAX_RATE_LIMIT_RETRIES = 3;
  static final int MAX_SERVER_RETRIES = 3;
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(20);
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
  /** The time budget for retries: a wait that would end later than this after the first attempt is not started. */
  static final Duration MAX_RETRY_TIME = Duration.ofMinutes(2);
  private static final Duration BASE_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(16);
  private static final Set<Integer> RETRYABLE_GATEWAY = Set.of(502, 503, 504);
  private static final Logger LOG = Logger.getLogger(HttpExecutor.class.getName());

  private final OkHttpClient http;
  private final OkHttpClient posts;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier jitter;

  /** {@code jitter} returns values in [0, 1). */
  public HttpExecutor(OkHttpClient http, Sleeper sleeper, Clock clock, DoubleSupplier jitter) {
    this.http = http.newBuilder().addNetworkInterceptor(SendMarker.INTERCEPTOR).build();
    // OkHttp silently replays a request that fails on a pooled connection; a replayed submit is a second job
    this.posts = this.http.newBuilder().retryOnConnectionFailure(false).build();
    this.sleeper = sleeper;
    this.clock = clock;
    this.jitter = jitter;
  }

  /** Executes {@code request}; returns the body of a 2xx answer or throws the mapped {@link ClariApiException}. */
  public String execute(Request request) {
    String operation = describe(request);
    boolean retrySafe = !"POST".equals(request.method());
    Instant start = clock.instant();
    int rateLimited = 0;
    int serverRetries = 0;
    while (true) {
      SendMarker marker = new SendMarker();
      OkHttpClient client = retrySafe ? http : posts;
      try (Response response = client.newCall(request.newBuilder().tag(SendMarker.class, marker).build()).execute()) {
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        if (response.isSuccessful()) {
          return text;
        }
        text = redact(text, response.request().header("apikey")); // an error page may echo the request
        int code = response.code();
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        if (code == 429 && rateLimited < MAX_RATE_LIMIT_RETRIES) {
          Duration wait = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
          if (wait.compareTo(MAX_RETRY_AFTER) <= 0 && withinBudget(start, wait)) {
            rateLimited++;
            LOG.log(Level.FINE, "Clari rate limited {0}; retrying in {1} s", new Object[] {operation, wait.toSeconds()});
            pause(wait, operation);
            continue;
          }
        }
        if (retrySafe && RETRYABLE_GATEWAY.contains(code) && serverRetries < MAX_SERVER_RETRIES) {
          Duration wait = backoff(serverRetries);
          if (withinBudget(start, wait)) {
            serverRetries++;
            pause(wait, operation);
            continue;
          }
        }
        throw ErrorMapper.toException(code, text, operation, retryAfter);
      } catch (IOException e) {
        boolean sent = marker.maybeSent();
        boolean repeatable = retrySafe || !sent;
        if (repeatable && serverRetries < MAX_SERVER_RETRIES && !Thread.currentThread().isInterrupted()) {
          Duration wait = backoff(serverRetries);
          if (withinBudget(start, wait)) {
            serverRetries++;
            LOG.log(Level.FINE, "Network error on {0}; retrying", operation);
            pause(wait, operation);
            continue;
          }
        }
        throw transportFailure(operation, e, sent, retrySafe, serverRetries + 1);
      }
    }
  }

  private ClariTransportException transportFailure(
      String operation, IOException e, boolean sent, boolean retrySafe, int attempts) {
    boolean timeout = e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted();
    String what = timeout
        ? "timed out (connect " + http.connectTimeoutMillis() + " ms, read " + http.readTimeoutMillis()
            + " ms, whole call " + http.callTimeoutMillis() + " ms)"
        : "got no response (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    String advice = !sent
        ? " The request was not sent. Check the network and the Clari base URL, then retry."
        : retrySafe ? " Check the network and the Clari base URL, then retry."
            : " The request may still have reached Clari: before submitting again, check the running jobs"
                + " (GET /export/jobs or getAdminLimits()) so as not to spend quota twice.";
    return new ClariTransportException("Clari " + operation + " " + what + tries + "." + advice, 0, null, null, e);
  }

  private static String redact(String text, String secret) {
    return secret == null || secret.isBlank() ? text : text.replace(secret, "***");
  }

  private boolean withinBudget(Instant start, Duration wait) {
    return Duration.between(start, clock.instant()).plus(wait).compareTo(MAX_RETRY_TIME) <= 0;
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
