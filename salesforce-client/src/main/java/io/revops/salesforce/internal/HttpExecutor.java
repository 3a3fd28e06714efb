package io.revops.salesforce.internal;

import io.revops.salesforce.AccessToken;
import io.revops.salesforce.AccessTokenProvider;
import io.revops.salesforce.ApiUsage;
import io.revops.salesforce.RequestPlan;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceTransportException;
import io.revops.salesforce.Timeouts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends {@link ApiRequest}s: resolves them on the instance, attaches the token (via
 * {@link TokenInterceptor}), refreshes once on 401, retries transient failures under the
 * {@link Retries} policy, records {@code Sforce-Limit-Info}, and maps failures through
 * {@link ErrorMapper}. Thread-safe.
 */
public final class HttpExecutor {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Logger LOG = Logger.getLogger(HttpExecutor.class.getName());

  /** A successful answer: status and body text. */
  public record Answer(int status, String body) {}

  private final OkHttpClient reads;
  private final OkHttpClient writes;
  private final AccessTokenProvider tokens;
  private final HttpUrl configuredInstance;
  private final Timeouts timeouts;
  private final Retries retries;
  private final AtomicReference<HttpUrl> lastInstance;
  private final AtomicReference<ApiUsage> lastUsage = new AtomicReference<>();
  private final AtomicBoolean instanceChangeLogged = new AtomicBoolean();

  /**
   * @param httpClient already configured with {@code timeouts} and {@link TokenInterceptor}; writes reuse
   *     its pool but never silently replay a request on a failed connection
   */
  public HttpExecutor(
      OkHttpClient httpClient, AccessTokenProvider tokens, HttpUrl instance, Timeouts timeouts, Retries retries) {
    this.reads = httpClient;
    this.writes = httpClient.newBuilder().retryOnConnectionFailure(false).build();
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.configuredInstance = instance;
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    this.retries = Objects.requireNonNull(retries, "retries");
    this.lastInstance = new AtomicReference<>(instance);
  }

  /** The latest {@code Sforce-Limit-Info} api-usage seen on any response. */
  public Optional<ApiUsage> lastApiUsage() {
    return Optional.ofNullable(lastUsage.get());
  }

  /** The instance requests go to: the latest token's instance URL, else the configured one. */
  public HttpUrl instance() {
    return lastInstance.get();
  }

  /** What {@link #execute} would send, with the token redacted; contacts nobody. */
  public RequestPlan plan(ApiRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer ***");
    headers.put("Accept", "application/json");
    request.jsonBody().ifPresent(b -> headers.put("Content-Type", JSON.toString()));
    return new RequestPlan(request.method(), resolve(request, instance()).toString(), headers, request.jsonBody());
  }

  /** Sends {@code request}; returns a 2xx answer or throws a {@link SalesforceApiException}. */
  public Answer execute(ApiRequest request) {
    String operation = request.describe();
    AccessToken token = tokens.current();
    boolean refreshed = false;
    Instant start = retries.now();
    int attempts = 0;
    while (true) {
      attempts++;
      Outcome outcome = send(request, token);
      if (outcome instanceof Failed failed) {
        boolean repeatable = failed.transientFailure()
            && (request.idempotent() || !failed.error().outcomeUnknown())
            && !Thread.currentThread().isInterrupted();
        Optional<Duration> wait = repeatable ? retries.nextDelay(attempts, start, Optional.empty()) : Optional.empty();
        if (wait.isPresent()) {
          pause(operation, "no answer (" + failed.error().kind() + ")", attempts, wait.get());
          continue;
        }
        throw repeatable ? withNote(failed.error(), retries.gaveUp(attempts, start, Optional.empty())) : failed.error();
      }
      Raw raw = (Raw) outcome;
      if (raw.status() == 401 && isInvalidSession(raw.body()) && !refreshed) {
        Optional<AccessToken> fresh = tokens.refresh(token);
        if (fresh.isEmpty()) {
          throw ErrorMapper.map(operation, raw.status(), raw.body(), raw.usage(), tokens.refreshAdvice(),
              token.value());
        }
        token = fresh.get();
        refreshed = true;
        attempts--; // the retry after a refresh is not a retry of a transient failure
        continue;
      }
      if (raw.status() == 401 && refreshed) {
        throw ErrorMapper.map(operation, raw.status(), raw.body(), raw.usage(),
            "The token provider refreshed the token once and Salesforce rejected the new token too;"
                + " check that the OAuth app and user are still authorized.", token.value());
      }
      if (raw.status() >= 200 && raw.status() < 300) {
        return new Answer(raw.status(), raw.body());
      }
      if (Retries.isTransientStatus(raw.status()) && request.idempotent()) {
        Optional<Duration> asked = retries.retryAfter(raw.retryAfter());
        Optional<Duration> wait = retries.nextDelay(attempts, start, asked);
        if (wait.isPresent()) {
          pause(operation, "HTTP " + raw.status(), attempts, wait.get());
          continue;
        }
        throw ErrorMapper.map(operation, raw.status(), raw.body(), raw.usage(), tokens.refreshAdvice(),
            retries.gaveUp(attempts, start, asked), token.value());
      }
      throw ErrorMapper.map(operation, raw.status(), raw.body(), raw.usage(), tokens.refreshAdvice(),
          token.value());
    }
  }

  private void pause(String operation, String why, int attempts, Duration wait) {
    LOG.log(Level.FINE, "Salesforce {0}: {1} on attempt {2}; retrying in {3} ms",
        new Object[] {operation, why, attempts, wait.toMillis()});
    retries.sleep(wait, operation);
  }

  private static SalesforceTransportException withNote(SalesforceTransportException e, String note) {
    return note.isEmpty() ? e : new SalesforceTransportException(e.outcomeUnknown(), e.getMessage() + note, e.getCause());
  }

  /** What one attempt produced: an HTTP answer, or no answer. */
  private sealed interface Outcome permits Raw, Failed {}

  private record Raw(int status, String body, Optional<ApiUsage> usage, String retryAfter) implements Outcome {}

  /** No answer; {@code transientFailure} when another attempt might succeed (not for a refused URL). */
  private record Failed(SalesforceTransportException error, boolean transientFailure) implements Outcome {}

  private Outcome send(ApiRequest request, AccessToken token) {
    HttpUrl instance = instanceFor(token);
    HttpUrl url = resolve(request, instance);
    if (!Loopback.maySendToken(url)) {
      return new Failed(new SalesforceTransportException(false,
          request.describe() + " was not sent. " + Loopback.refusal(url), null), false);
    }
    SendMarker marker = new SendMarker();
    Request.Builder builder = new Request.Builder()
        .url(url)
        .header("Accept", "application/json")
        .tag(AccessToken.class, token)
        .tag(SendMarker.class, marker);
    RequestBody body = request.jsonBody().map(json -> RequestBody.create(json, JSON)).orElse(null);
    builder.method(request.method(), body);
    OkHttpClient client = request.method().equals("GET") ? reads : writes;
    try (Response response = client.newCall(builder.build()).execute()) {
      Optional<ApiUsage> usage = ApiUsage.parseHeader(response.header("Sforce-Limit-Info"));
      usage.ifPresent(lastUsage::set);
      ResponseBody responseBody = response.body();
      return new Raw(response.code(), responseBody == null ? "" : responseBody.string(), usage,
          response.header("Retry-After"));
    } catch (TokenInterceptor.InsecureTransportException e) {
      return new Failed(new SalesforceTransportException(false,
          request.describe() + " was not sent. " + e.getMessage(), e), false);
    } catch (IOException e) {
      boolean unknown = marker.maybeSent();
      String cause = isTimeout(e) ? "timed out (" + describe(timeouts) + ")" : "failed (" + e + ")";
      String message = request.describe() + (unknown
          ? " may or may not have been processed: the connection " + cause + " after the request was sent."
              + (request.idempotent() ? "" : " Check the record in Salesforce before repeating a write.")
          : " was not sent: connecting to " + url.host() + " " + cause + ". It is safe to try again;"
              + " check the instance URL and network.");
      return new Failed(new SalesforceTransportException(unknown, ErrorMapper.redact(message, token.value()), e),
          true);
    }
  }

  private static boolean isTimeout(IOException e) {
    return e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted();
  }

  private static String describe(Timeouts t) {
    return "timeouts: connect " + t.connect().toMillis() + " ms, read " + t.read().toMillis() + " ms, whole call "
        + t.call().toMillis() + " ms";
  }

  private HttpUrl instanceFor(AccessToken token) {
    if (token.instanceUrl().isEmpty()) {
      return configuredInstance;
    }
    HttpUrl parsed = HttpUrl.parse(token.instanceUrl().get());
    if (parsed == null) {
      throw new SalesforceTransportException(false, "The token provider returned an unusable instance URL '"
          + token.instanceUrl().get() + "': expected e.g. https://acme.my.salesforce.com", null);
    }
    if (!Loopback.maySendToken(parsed)) {
      return parsed; // send() refuses it
    }
    if (!parsed.host().equalsIgnoreCase(configuredInstance.host()) && instanceChangeLogged.compareAndSet(false, true)) {
      LOG.log(Level.INFO, "Salesforce: the token names instance {0}, which differs from the configured {1};"
          + " using {0}", new Object[] {parsed.scheme() + "://" + parsed.host(), configuredInstance.host()});
    }
    lastInstance.set(parsed);
    return parsed;
  }

  private static HttpUrl resolve(ApiRequest request, HttpUrl instance) {
    HttpUrl.Builder b = instance.newBuilder().encodedPath(request.encodedPath()).query(null).fragment(null);
    request.query().forEach(b::addQueryParameter);
    return b.build();
  }

  private static boolean isInvalidSession(String body) {
    var errors = ErrorMapper.parseErrors(body);
    return errors.isEmpty() || errors.stream().anyMatch(e -> e.errorCode().equals("INVALID_SESSION_ID"));
  }
}
