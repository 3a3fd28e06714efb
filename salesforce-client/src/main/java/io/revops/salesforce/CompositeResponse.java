package io.revops.salesforce;

import java.util.List;
import java.util.Optional;

/**
 * The per-subrequest results of a composite call, in request order. The composite call's own HTTP
 * status is always 200, so success must be read here. {@link SalesforceClient#composite} returns one
 * only when it holds exactly one result, with an HTTP status, for each subrequest.
 */
public record CompositeResponse(List<CompositeSubresponse> results) {
  public CompositeResponse {
    results = List.copyOf(results);
  }

  /** True when every subrequest succeeded (with allOrNone, false means nothing was committed). */
  public boolean allSucceeded() {
    return results.stream().allMatch(CompositeSubresponse::succeeded);
  }

  /** The result of the subrequest with this referenceId. */
  public Optional<CompositeSubresponse> result(String referenceId) {
    return results.stream().filter(r -> r.referenceId().equals(referenceId)).findFirst();
  }

  /** The subrequests that failed, including those halted because another failed. */
  public List<CompositeSubresponse> failures() {
    return results.stream().filter(r -> !r.succeeded()).toList();
  }
}
