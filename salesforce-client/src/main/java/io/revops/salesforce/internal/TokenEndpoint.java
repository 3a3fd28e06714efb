package io.revops.salesforce.internal;

import io.revops.salesforce.ApiError;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceApiException.Kind;
import io.revops.salesforce.SalesforceTransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Posts OAuth grants to {@code {login URL}/services/oauth2/token} and reads Salesforce's answer. Transient
 * failures (connection failures, 429, 502, 503, 504) are retried under the client's {@link Retries}: a
 * token request changes no data, so repeating it is harmless (with refresh-token rotation a repeated
 * refresh may be refused, which is no worse than the lost answer). Every message is scrubbed of the
 * grant's secrets.
 */
public final class TokenEndpoint {
  private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());

  /** What the token endpoint answered: the access token, its instance URL and a rotated refresh token. */
  public record Tokens(String accessToken, Optional<String> instanceUrl, Optional<String> refreshToken) {
    @Override
    public String toString() {
      return "Tokens[accessToken=***, instanceUrl=" + instanceUrl.orElse("none") + "]";
    }
  }

  /** What a person should do about an OAuth error, given Salesforce's {@code error} and description. */
  @FunctionalInterface
  public interface Advice {
    String forError(String error, String description);
  }

  private final OkHttpClient http;
  private final HttpUrl url;
  private final Retries retries;

  /** @param http configured with timeouts; redirects are turned off here (a grant must not be re-posted) */
  public TokenEndpoint(OkHttpClient http, HttpUrl loginUrl, Retries retries) {
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.url = tokenUrl(loginUrl);
    this.retries = Objects.requireNonNull(retries, "retries");
  }

  /** {@code {loginUrl}/services/oauth2/token}, keeping any path prefix of an Experience Cloud site. */
  public static HttpUrl tokenUrl(HttpUrl loginUrl) {
    String prefix = loginUrl.encodedPath().replaceAll("/+$", "");
    return loginUrl.newBuilder().encodedPath(prefix + "/services/oauth2/token").query(null).fragment(null).build();
  }

  public HttpUrl url() {
    return url;
  }

  /**
   * Posts {@code form} and returns the tokens.
   *
   * @param grant how messages name the grant, e.g. {@code the refresh-token grant}
   * @param secrets values that must never appear in a message
   * @throws SalesforceApiException {@link Kind#AUTHENTICATION_FAILED} when Salesforce refuses the grant
   */
  public Tokens request(String grant, Map<String, String> form, List<String> secrets, Advice advice) {
    String[] hidden = secrets.toArray(String[]::new);
    String operation = "POST " + url.scheme() + "://" + url.host() + portSuffix() + url.encodedPath() + " (" + grant + ")";
    if (!Loopback.maySendToken(url)) {
      throw new SalesforceTransportException(false, operation + " was not sent: refusing to send OAuth credentials"
          + " over plain http to " + url.host() + "; use an https:// login URL.", null);
    }
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    Request request = new Request.Builder().url(url).header("Accept", "application/json").post(body.build()).build();
    Instant start = retries.now();
    int attempts = 0;
    while (true) {
      attempts++;
      try (Response response = http.newCall(request).execute()) {
        ResponseBody responseBody = response.body();
        String text = responseBody == null ? "" : responseBody.string();
        int status = response.code();
        if (status >= 200 && status < 300) {
          return parse(text, operation, hidden);
        }
        if (Retries.isTransientStatus(status)) {
          Optional<Duration> asked = retries.retryAfter(response.header("Retry-After"));
          Optional<Duration> wait = retries.nextDelay(attempts, start, asked);
          if (wait.isPresent()) {
            pause(operation, "HTTP " + status, attempts, wait.get());
            continue;
          }
          throw refused(operation, status, text, retries.gaveUp(attempts, start, asked), advice, hidden);
        }
        throw refused(operation, status, text, "", advice, hidden);
      } catch (IOException e) {
        boolean interrupted = Thread.currentThread().isInterrupted();
        Optional<Duration> wait = interrupted ? Optional.empty() : retries.nextDelay(attempts, start, Optional.empty());
        if (wait.isPresent()) {
          pause(operation, e.getClass().getSimpleName(), attempts, wait.get());
          continue;
        }
        String why = e instanceof InterruptedIOException && !interrupted ? "timed out" : "failed (" + e + ")";
        throw new SalesforceTransportException(false, ErrorMapper.redact(operation + " " + why
            + retries.gaveUp(attempts, start, Optional.empty()) + ": no access token was obtained. Check the login"
            + " URL and the network, then try again.", hidden), e);
      }
    }
  }

  private void pause(String operation, String why, int attempts, Duration wait) {
    LOG.log(Level.FINE, "Salesforce {0}: {1} on attempt {2}; retrying in {3} ms",
        new Object[] {operation, why, attempts, wait.toMillis()});
    retries.sleep(wait, operation);
  }

  private String portSuffix() {
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port();
  }

  private static Tokens parse(String text, String operation, String[] hidden) {
    Map<?, ?> json = null;
    try {
      if (Json.parse(text) instanceof Map<?, ?> map) {
        json = map;
      }
    } catch (IOException | RuntimeException e) {
      json = null;
    }
    Object accessToken = json == null ? null : json.get("access_token");
    if (!(accessToken instanceof String token) || token.isBlank()) {
      throw new SalesforceApiException(Kind.UNEXPECTED_RESPONSE, operation + " succeeded but the answer has no"
          + " access_token. Check that the login URL points at Salesforce.", 200, "", List.of(), Optional.empty(), null);
    }
    Optional<String> instanceUrl = text(json.get("instance_url"));
    if (instanceUrl.isPresent()) {
      HttpUrl parsed = HttpUrl.parse(instanceUrl.get());
      if (parsed == null || !Loopback.maySendToken(parsed)) {
        throw new SalesforceApiException(Kind.UNEXPECTED_RESPONSE, ErrorMapper.redact(operation + " named the"
            + " instance URL '" + instanceUrl.get() + "', which is not an https URL; refusing to use it.", hidden),
            200, "", List.of(), Optional.empty(), null);
      }
    }
    return new Tokens(token, instanceUrl, text(json.get("refresh_token")));
  }

  private static Optional<String> text(Object value) {
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  private static SalesforceApiException refused(
      String operation, int status, String body, String note, Advice advice, String[] hidden) {
    Object json;
    try {
      json = Json.parse(body);
    } catch (IOException | RuntimeException e) {
      json = null;
    }
    if (json instanceof Map<?, ?> map && map.get("error") instanceof String error) {
      String description = map.get("error_description") instanceof String d ? d : "";
      Kind kind = status >= 500 || Retries.isTransientStatus(status) ? Kind.SERVER_ERROR : Kind.AUTHENTICATION_FAILED;
      String message = operation + " failed: Salesforce answered " + status + " " + error
          + (description.isEmpty() ? "" : " (" + description + ")") + note + ". " + advice.forError(error, description);
      return new SalesforceApiException(kind, ErrorMapper.redact(message, hidden), status, error,
          List.of(new ApiError(ErrorMapper.redact(description, hidden), error, List.of())), Optional.empty(), null);
    }
    Kind kind = status >= 500 || Retries.isTransientStatus(status) ? Kind.SERVER_ERROR : Kind.UNEXPECTED_RESPONSE;
    String quoted = ErrorMapper.quote(body);
    String message = operation + " failed: Salesforce answered " + status + (quoted.isEmpty() ? "" : ": " + quoted)
        + note + ". " + (kind == Kind.SERVER_ERROR
            ? "Salesforce's login service is unavailable or in maintenance; try again later."
            : "This is not an OAuth answer: check that the login URL is https://login.salesforce.com,"
                + " https://test.salesforce.com or your My Domain URL.");
    return new SalesforceApiException(kind, ErrorMapper.redact(message, hidden), status, "", List.of(),
        Optional.empty(), null);
  }
}
