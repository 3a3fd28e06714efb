package io.revops.salesforce;

import java.util.Optional;

/**
 * Supplies the access token for each request and, when it can, a fresh one after Salesforce rejects a
 * token with 401 {@code INVALID_SESSION_ID}. Implementations must be thread-safe.
 *
 * <p>The client calls {@link #current()} before every request. On 401 {@code INVALID_SESSION_ID} it calls
 * {@link #refresh(AccessToken)} with the token that was rejected and, if a new token comes back, retries
 * that request exactly once. Passing the rejected token lets a provider collapse many concurrent 401s
 * into one refresh: if its current token already differs from {@code rejected}, someone else refreshed,
 * and it simply returns the current token. The client never calls {@code refresh} on a 403.
 */
public interface AccessTokenProvider {

  /** The token to use now. May block to obtain one; failures should be {@link SalesforceApiException}s. */
  AccessToken current();

  /**
   * Replaces {@code rejected}, which Salesforce just refused with 401. Returns empty when this provider
   * cannot refresh (the client then fails with {@link #refreshAdvice()} in the message).
   */
  default Optional<AccessToken> refresh(AccessToken rejected) {
    return Optional.empty();
  }

  /** What a person should do when a token expired and this provider could not refresh it. */
  default String refreshAdvice() {
    return "Obtain a new access token and try again.";
  }

  /** A provider that always returns {@code token} and cannot refresh it. */
  static AccessTokenProvider staticToken(String token) {
    return StaticTokenProvider.of(token);
  }
}
