package io.revops.salesforce.auth;

import io.revops.salesforce.internal.Loopback;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * A way to obtain Salesforce access tokens from the OAuth token endpoint {@code {loginUrl}/services/oauth2/token}:
 * {@link RefreshTokenFlow}, {@link JwtBearerFlow} or {@link ClientCredentialsFlow}. A flow is an immutable
 * description of the credential; {@link OAuthTokenProvider} runs it. The username-password flow is not
 * offered: Salesforce blocks it by default in new orgs and is retiring it.
 *
 * <p>{@code toString()} shows the flow and the login URL, never a secret.
 */
public abstract sealed class OAuthFlow permits RefreshTokenFlow, JwtBearerFlow, ClientCredentialsFlow {
  /** Salesforce's production login host. */
  public static final String PRODUCTION_LOGIN_URL = "https://login.salesforce.com";
  /** Salesforce's sandbox login host. */
  public static final String SANDBOX_LOGIN_URL = "https://test.salesforce.com";

  private final HttpUrl loginUrl;
  private final String clientId;

  OAuthFlow(HttpUrl loginUrl, String clientId) {
    this.loginUrl = Objects.requireNonNull(loginUrl, "loginUrl");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
  }

  /** The authorization server, e.g. {@code https://login.salesforce.com} or a My Domain URL. */
  public String loginUrl() {
    String text = loginUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** The app's consumer key (client id). */
  public String clientId() {
    return clientId;
  }

  HttpUrl loginHttpUrl() {
    return loginUrl;
  }

  /** How messages name the grant, e.g. "the refresh-token grant". */
  abstract String grantName();

  /** The form of one token request made at {@code now}. */
  abstract Map<String, String> form(Instant now);

  /** Values that must never appear in a message. */
  abstract List<String> secrets();

  /** What to do about Salesforce's OAuth {@code error}, in this flow's terms. */
  abstract String advice(String error, String description);

  /** Advice shared by every flow, or empty when the error is specific. */
  static String commonAdvice(String error) {
    return switch (error) {
      case "invalid_client_id", "invalid_client", "invalid_client_credentials" -> "Salesforce does not accept the"
          + " client id (consumer key) or client secret: copy both from the Connected App or External Client App"
          + " (SFDC_CLIENT_ID, SFDC_CLIENT_SECRET). A new app can take up to 10 minutes to become usable.";
      case "unsupported_grant_type" -> "This flow is not enabled for the app: enable it in the app's OAuth settings.";
      case "inactive_user" -> "The integration user is inactive or locked: ask a Salesforce admin to reactivate it.";
      case "inactive_org" -> "The org is inactive or locked.";
      case "rate_limit_exceeded" -> "Too many token requests: wait a minute before trying again.";
      default -> "";
    };
  }

  /** Parses and checks a login URL: absolute https (plain http only for loopback), no query. */
  static HttpUrl parseLoginUrl(String loginUrl, String argumentName) {
    HttpUrl url = loginUrl == null ? null : HttpUrl.parse(loginUrl.strip());
    if (url == null || url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(argumentName + " '" + loginUrl + "' is not a login URL: pass "
          + PRODUCTION_LOGIN_URL + ", " + SANDBOX_LOGIN_URL + " or your My Domain URL such as"
          + " https://acme.my.salesforce.com");
    }
    if (!Loopback.maySendToken(url)) {
      throw new IllegalArgumentException(argumentName + " '" + loginUrl + "' uses plain http: OAuth credentials"
          + " are only sent over https (plain http is allowed for loopback hosts only)");
    }
    return url;
  }

  static String requireText(String value, String argumentName, String fix) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(argumentName + " is not set: " + fix);
    }
    return value.strip();
  }

  static boolean isGenericLoginHost(HttpUrl url) {
    String host = url.host().toLowerCase(Locale.ROOT);
    return host.equals("login.salesforce.com") || host.equals("test.salesforce.com");
  }
}
