package io.revops.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Salesforce answered a composite call with results that do not match its subrequests one to one: a
 * result missing, unrequested or repeated, or one without an HTTP status. Its {@link #kind()} is
 * {@link Kind#UNEXPECTED_RESPONSE}: the subrequests may or may not have been processed, so check the
 * records before repeating the call. {@link #unverifiedResults()} holds what came back, to describe the
 * mismatch; it is not the outcome of the call.
 */
public final class CompositeMismatchException extends SalesforceApiException {
  private static final long serialVersionUID = 1L;

  private final transient CompositeResponse unverifiedResults;

  public CompositeMismatchException(String message, int httpStatus, CompositeResponse unverifiedResults) {
    super(Kind.UNEXPECTED_RESPONSE, message, httpStatus, "", List.of(), Optional.empty(), null);
    this.unverifiedResults = Objects.requireNonNull(unverifiedResults, "unverifiedResults");
  }

  /** The results as Salesforce sent them, which do not match the request; for diagnosis only. */
  public CompositeResponse unverifiedResults() {
    return unverifiedResults;
  }
}
