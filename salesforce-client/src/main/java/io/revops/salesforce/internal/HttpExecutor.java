package io.revops.salesforce.internal;

import io.revops.salesforce.AccessToken;
import io.revops.salesforce.AccessTokenProvider;
import io.revops.salesforce.ApiUsage;
import io.revops.salesforce.RequestPlan;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceTransportException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends {@link ApiRequest}s: resolves them on the instance, attaches the token (via
 * {@link TokenInterceptor}), refreshes once on 401, records {@code Sforce-Limit-Info}, and maps failures
 * through {@link ErrorMapper}. Retries and backoff, when added, belong here. Thread-safe.
 */
public final class HttpExecutor {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** A successful answer: status and body text. */
  public record Answer(int status, String body) {}

  private final OkHttpClient reads;
  private final OkHttpClient writes;
  private final AccessTokenProvider tokens;
  private final HttpUrl configuredInstance;
  private final AtomicReference<HttpUrl> lastInstance;
  private final AtomicReference<ApiUsage> lastUsage = new AtomicReference<>();

  /**
   * @param httpClient already configured with timeouts and {@link TokenInterceptor}; writes reuse its
   *     pool but never silently replay a request on a failed connection
   */
  public HttpExecutor(OkHttpClient httpClient, AccessTokenProvider tokens, HttpUrl instance) {
    this.reads = httpClient;
    this.writes = httpClient.newBuilder().retryOnConnectionFailure(false).build();
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.configuredInstance = instance;
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
    AccessToken token = tokens.current();
    Raw raw = send(request, token);
    if (raw.status == 401 && isInvalidSession(raw.body)) {
      Optional<AccessToken> fresh = tokens.refresh(token);
      if (fresh.isEmpty()) {
        throw ErrorMapper.map(request.describe(), raw.status, raw.body, raw.usage, tokens.refreshAdvice(),
            token.value());
      }
      token = fresh.get();
      raw = send(request, token);
      if (raw.status == 401) {
        throw ErrorMapper.map(request.describe(), raw.status, raw.body, raw.usage,
            "The token provider refreshed the token once and Salesforce rejected the new token too;"
                + " check that the OAuth app and user are still authorized.", token.value());
      }
    }
    if (raw.status < 200 || raw.status >= 300) {
      throw ErrorMapper.map(request.describe(), raw.status, raw.body, raw.usage, tokens.refreshAdvice(),
          token.value());
    }
    return new Answer(raw.status, raw.body);
  }

  private record Raw(int status, String body, Optional<ApiUsage> usage) {}

  private Raw send(ApiRequest request, AccessToken token) {
    HttpUrl instance = instanceFor(token);
    HttpUrl url = resolve(request, instance);
    if (!Loopback.maySendToken(url)) {
      throw new SalesforceTransportException(false, request.describe() + " was not sent. " + Loopback.refusal(url), null);
    }
    SendMarker marker = new SendMarker();
    Request.Builder builder = new Request.Builder()
        .url(url)
        .header("Accept", "application/json")
        .tag(AccessToken.class, token)
        .tag(SendMarker.class, marker);
    RequestBody body = request.jsonBody().map(json -> RequestBody.create(json, JSON)).orElse(null);
    builder.method(request.method(), body);
    OkHttpClient client = request.idempotent() ? reads : writes;
    try (Response response = client.newCall(builder.build()).execute()) {
      Optional<ApiUsage> usage = ApiUsage.parseHeader(response.header("Sforce-Limit-Info"));
      usage.ifPresent(lastUsage::set);
      ResponseBody responseBody = response.body();
      return new Raw(response.code(), responseBody == null ? "" : responseBody.string(), usage);
    } catch (TokenInterceptor.InsecureTransportException e) {
      throw new SalesforceTransportException(false, request.describe() + " was not sent. " + e.getMessage(), e);
    } catch (IOException e) {
      boolean unknown = marker.maybeSent();
      String message = request.describe() + (unknown
          ? " may or may not have been processed: the connection failed or timed out after the request was"
              + " sent (" + e + "). Check the record in Salesforce before repeating a write."
          : " was not sent: could not connect to " + url.host() + " (" + e + "). It is safe to try again;"
              + " check the instance URL and network.");
      throw new SalesforceTransportException(unknown, ErrorMapper.redact(message, token.value()), e);
    }
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
