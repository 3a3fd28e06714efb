package io.revops.salesforce;

import java.util.Objects;

/**
 * Always returns the same access token (e.g. one from {@code sf org display --verbose}). It cannot
 * refresh: when the session expires, requests fail with a {@link SalesforceApiException.Kind#SESSION_EXPIRED}
 * error explaining how to enable automatic refresh.
 */
public final class StaticTokenProvider implements AccessTokenProvider {
  private final AccessToken token;

  private StaticTokenProvider(AccessToken token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  /** A provider for {@code token}, used against the client's configured instance URL. */
  public static StaticTokenProvider of(String token) {
    Objects.requireNonNull(token, "token");
    return new StaticTokenProvider(AccessToken.of(token));
  }

  /** A provider for an {@link AccessToken}, which may carry its own instance URL. */
  public static StaticTokenProvider of(AccessToken token) {
    return new StaticTokenProvider(token);
  }

  @Override
  public AccessToken current() {
    return token;
  }

  @Override
  public String refreshAdvice() {
    return "The static access token has expired or was revoked, and a static token cannot be refreshed. "
        + "Supply a new token, or enable automatic refresh: set SFDC_CLIENT_ID, SFDC_CLIENT_SECRET and "
        + "SFDC_REFRESH_TOKEN (refresh-token flow), or use the JWT bearer flow (SFDC_CLIENT_ID, SFDC_USERNAME, "
        + "SFDC_JWT_KEY_FILE), the client-credentials flow (SFDC_CLIENT_ID, SFDC_CLIENT_SECRET) or "
        + "SFDC_ACCESS_TOKEN_COMMAND.";
  }

  @Override
  public String toString() {
    return "StaticTokenProvider[token=***]";
  }
}
