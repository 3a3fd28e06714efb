package io.revops.clari;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the client would send, for dry runs: the {@code apikey} header is always shown as
 * {@value #REDACTED}. Obtained from {@link ClariClient#plans()}; making a plan sends nothing.
 *
 * @param method HTTP method
 * @param url the full URL with query
 * @param headers request headers (apikey redacted)
 * @param body the JSON body, if any
 */
public record RequestPlan(String method, String url, Map<String, String> headers, Optional<String> body) {
  /** How the token appears in plans. */
  public static final String REDACTED = "<redacted>";

  /** Copies the headers and checks for nulls. */
  public RequestPlan {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }
}
