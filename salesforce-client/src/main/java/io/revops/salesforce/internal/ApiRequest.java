package io.revops.salesforce.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request described independently of the instance it will be sent to and of the token, so the same
 * value can be executed or rendered as a dry-run plan.
 *
 * @param method HTTP method
 * @param encodedPath absolute path on the instance, already encoded (built from validated parts)
 * @param query query parameters in order, not yet encoded
 * @param jsonBody the JSON body, if any
 */
public record ApiRequest(String method, String encodedPath, Map<String, String> query, Optional<String> jsonBody) {
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(encodedPath, "encodedPath");
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    Objects.requireNonNull(jsonBody, "jsonBody");
  }

  public static ApiRequest get(String encodedPath) {
    return new ApiRequest("GET", encodedPath, Map.of(), Optional.empty());
  }

  public static ApiRequest get(String encodedPath, Map<String, String> query) {
    return new ApiRequest("GET", encodedPath, query, Optional.empty());
  }

  public static ApiRequest withBody(String method, String encodedPath, String json) {
    return new ApiRequest(method, encodedPath, Map.of(), Optional.of(json));
  }

  /** Whether repeating the request is harmless; non-idempotent requests are never replayed silently. */
  public boolean idempotent() {
    return method.equals("GET");
  }

  /** How messages name this request: method and path, never the query string (it may be long). */
  public String describe() {
    return method + " " + encodedPath;
  }
}
