package io.revops.salesforce;

import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth access token, optionally with the instance URL the token response named (which then wins
 * over the client's configured instance URL). Two tokens are equal when their values are equal, which is
 * how a provider recognises the credential a 401 rejected. {@link #toString()} never shows the token.
 *
 * @param value the bearer token; never logged or rendered
 * @param instanceUrl the org's instance URL from the token response, e.g. {@code https://acme.my.salesforce.com}
 */
public record AccessToken(String value, Optional<String> instanceUrl) {

  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "access token is blank: pass the token from 'sf org display --verbose' or your OAuth flow");
    }
  }

  /** A token used against the client's configured instance URL. */
  public static AccessToken of(String value) {
    return new AccessToken(value, Optional.empty());
  }

  /** A token bound to the instance URL its token response returned. */
  public static AccessToken of(String value, String instanceUrl) {
    return new AccessToken(value, Optional.of(Objects.requireNonNull(instanceUrl, "instanceUrl")));
  }

  @Override
  public String toString() {
    return "AccessToken[value=***" + instanceUrl.map(u -> ", instanceUrl=" + u).orElse("") + "]";
  }
}
