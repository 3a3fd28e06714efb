package io.revops.salesforce.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The OAuth refresh-token flow: trades a long-lived refresh token (obtained once, interactively) for
 * access tokens. Request: {@code grant_type=refresh_token&refresh_token=…&client_id=…[&client_secret=…]}.
 * The client secret is needed when the app requires it for this flow ("Require Secret for Refresh Token
 * Flow", on by default). With refresh-token rotation the answer carries a new refresh token;
 * {@link OAuthTokenProvider} keeps using the newest one.
 */
public final class RefreshTokenFlow extends OAuthFlow {
  private final String refreshToken;
  private final Optional<String> clientSecret;

  private RefreshTokenFlow(HttpUrl loginUrl, String clientId, Optional<String> clientSecret, String refreshToken) {
    super(loginUrl, clientId);
    this.clientSecret = clientSecret;
    this.refreshToken = refreshToken;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether a client secret is sent with each refresh. */
  public boolean hasClientSecret() {
    return clientSecret.isPresent();
  }

  /** The same flow continuing with a rotated refresh token. */
  RefreshTokenFlow withRefreshToken(String rotated) {
    return new RefreshTokenFlow(loginHttpUrl(), clientId(), clientSecret, Objects.requireNonNull(rotated, "rotated"));
  }

  boolean usesRefreshToken(String token) {
    return refreshToken.equals(token);
  }

  @Override
  String grantName() {
    return "refresh-token grant";
  }

  @Override
  Map<String, String> form(Instant now) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", clientId());
    clientSecret.ifPresent(secret -> form.put("client_secret", secret));
    return form;
  }

  @Override
  List<String> secrets() {
    List<String> secrets = new ArrayList<>(List.of(refreshToken));
    clientSecret.ifPresent(secrets::add);
    return secrets;
  }

  @Override
  String advice(String error, String description) {
    if (error.equals("invalid_grant")) {
      return "The refresh token is expired, revoked, or was replaced: with refresh-token rotation on, each refresh"
          + " invalidates the previous refresh token, so a token kept in configuration goes stale after the first"
          + " refresh. Obtain a new refresh token (e.g. `sf org login web`, then `sf org display --verbose`) and set"
          + " SFDC_REFRESH_TOKEN; check the app's refresh token policy, or use the JWT bearer flow for unattended"
          + " servers.";
    }
    if (error.equals("invalid_request") && description.toLowerCase(java.util.Locale.ROOT).contains("secret")) {
      return "The app requires the client secret for the refresh-token flow: set SFDC_CLIENT_SECRET.";
    }
    String common = commonAdvice(error);
    return common.isEmpty() ? "Check the app's OAuth settings and the refresh token." : common;
  }

  @Override
  public String toString() {
    return "RefreshTokenFlow[loginUrl=" + loginUrl() + ", refreshToken=***"
        + (clientSecret.isPresent() ? ", clientSecret=***" : "") + "]";
  }

  /** Builds a {@link RefreshTokenFlow}; client id and refresh token are required. */
  public static final class Builder {
    private HttpUrl loginUrl = HttpUrl.get(PRODUCTION_LOGIN_URL);
    private String clientId;
    private String clientSecret;
    private String refreshToken;

    private Builder() {}

    /** Default {@value OAuthFlow#PRODUCTION_LOGIN_URL}; {@value OAuthFlow#SANDBOX_LOGIN_URL} or a My Domain URL for sandboxes. */
    public Builder loginUrl(String loginUrl) {
      this.loginUrl = parseLoginUrl(loginUrl, "loginUrl");
      return this;
    }

    /** The app's consumer key. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The app's consumer secret; optional unless the app requires it for refreshes. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** The refresh token issued to the integration user. */
    public Builder refreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /** Builds the flow; throws {@link IllegalStateException} naming a missing setting. */
    public RefreshTokenFlow build() {
      String id = requireText(clientId, "clientId", "pass the consumer key of the Connected App or External Client App");
      String token = requireText(refreshToken, "refreshToken", "pass the refresh token of the integration user");
      Optional<String> secret = clientSecret == null || clientSecret.isBlank()
          ? Optional.empty() : Optional.of(clientSecret.strip());
      return new RefreshTokenFlow(loginUrl, id, secret, token);
    }
  }
}
