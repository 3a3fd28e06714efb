package io.revops.salesforce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The org's limits ({@code GET /limits}), keyed by Salesforce's names such as {@code DailyApiRequests}.
 */
public record OrgLimits(Map<String, OrgLimit> all) {
  public OrgLimits {
    all = Collections.unmodifiableMap(new LinkedHashMap<>(all));
  }

  /** The daily API request allowance, which every REST call consumes. */
  public Optional<OrgLimit> dailyApiRequests() {
    return limit("DailyApiRequests");
  }

  /** A limit by name. */
  public Optional<OrgLimit> limit(String name) {
    return Optional.ofNullable(all.get(name));
  }
}
