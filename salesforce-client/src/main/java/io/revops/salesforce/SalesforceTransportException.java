package io.revops.salesforce;

import java.util.List;
import java.util.Optional;

/**
 * No answer came from Salesforce. {@link #outcomeUnknown()} says whether the request may nevertheless
 * have been processed: {@code false} means it certainly never reached Salesforce (connection refused,
 * DNS failure, insecure URL refused), {@code true} means it may have (timeout or broken connection after
 * sending), so a write must be reported as "outcome unknown" and checked before it is repeated.
 */
public final class SalesforceTransportException extends SalesforceApiException {
  private static final long serialVersionUID = 1L;

  public SalesforceTransportException(boolean outcomeUnknown, String message, Throwable cause) {
    super(outcomeUnknown ? Kind.OUTCOME_UNKNOWN : Kind.REQUEST_NOT_SENT, message, 0, "", List.of(),
        Optional.empty(), cause);
  }

  /** True when the request may have reached Salesforce and been processed. */
  public boolean outcomeUnknown() {
    return kind() == Kind.OUTCOME_UNKNOWN;
  }
}
