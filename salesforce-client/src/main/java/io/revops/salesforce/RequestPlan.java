package io.revops.salesforce;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operation would send, for dry runs: the method, the absolute URL, the headers (with the
 * {@code Authorization} value shown as {@code Bearer ***}) and the JSON body, if any. Obtained from
 * {@link SalesforceClient#plan()} without contacting Salesforce or the token provider.
 *
 * @param method HTTP method, e.g. {@code PATCH}
 * @param url absolute URL including any query string
 * @param headers request headers in sending order, token redacted
 * @param body the JSON body, when the request has one
 */
public record RequestPlan(String method, String url, Map<String, String> headers, Optional<String> body) {
  public RequestPlan {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }
}
