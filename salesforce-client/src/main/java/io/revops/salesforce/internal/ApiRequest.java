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
 * @param idempotent whether repeating the request is harmless even if an earlier attempt was processed
 *     (GET, or a PATCH of a single field); other requests are repeated only when they certainly never left
 */
public record ApiRequest(
    String method, String encodedPath, Map<String, String> query, Optional<String> jsonBody, boolean idempotent) {
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(encodedPath, "encodedPath");
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    Objects.requireNonNull(jsonBody, "jsonBody");
  }

  public static ApiRequest get(String encodedPath) {
    return new ApiRequest("GET", encodedPath, Map.of(), Optional.empty(), true);
  }

  public static ApiRequest get(String encodedPath, Map<String, String> query) {
    return new ApiRequest("GET", encodedPath, query, Optional.empty(), true);
  }

  /** A request with a body that must not be repeated once it may have reached Salesforce (POST, composite). */
  public static ApiRequest withBody(String method, String encodedPath, String json) {
    return new ApiRequest(method, encodedPath, Map.of(), Optional.of(json), false);
  }

  /** A write whose repetition leaves the same state, such as a PATCH that sets one field. */
  public static ApiRequest idempotentWrite(String method, String encodedPath, String json) {
    return new ApiRequest(method, encodedPath, Map.of(), Optional.of(json), true);
  }

  /** How messages name this request: method and path, never the query string (it may be long). */
  public String describe() {
    return method + " " + encodedPath;
  }
}
