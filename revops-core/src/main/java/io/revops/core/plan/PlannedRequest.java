package io.revops.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request an operation would send, shown instead of sent in a dry run. Credentials are
 * already redacted by the SDK that made the plan.
 *
 * @param service {@code salesforce} or {@code clari}
 * @param method the HTTP method
 * @param url the absolute URL with its query
 * @param headers the request headers, credentials redacted
 * @param body the JSON body, when there is one
 */
public record PlannedRequest(
    String service, String method, String url, Map<String, String> headers, Optional<String> body) {

  public PlannedRequest {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  public static PlannedRequest of(io.revops.salesforce.RequestPlan plan) {
    return new PlannedRequest("salesforce", plan.method(), plan.url(), plan.headers(), plan.body());
  }

  public static PlannedRequest of(io.revops.clari.RequestPlan plan) {
    return new PlannedRequest("clari", plan.method(), plan.url(), plan.headers(), plan.body());
  }
}
