package io.revops.core.writes;

import io.revops.salesforce.ApiError;
import io.revops.salesforce.CompositeRequest;
import io.revops.salesforce.CompositeResponse;
import io.revops.salesforce.CompositeSubrequest;
import io.revops.salesforce.CompositeSubresponse;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceApiException.Kind;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceTransportException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends one all-or-none composite call and sorts what came back into the four cases a writer must
 * tell apart: an answer for every step, a refusal of the whole call (nothing processed), a request that
 * never left, and a lost answer (it may have been processed).
 */
final class Composite {
  /** What subrequests report when another one failed in an all-or-none call. */
  static final String HALTED = "PROCESSING_HALTED";
  /** Salesforce reads this in a composite body as the start of a reference to another subrequest's result. */
  static final String REFERENCE_START = "@{";

  private Composite() {}

  /** How a composite call ended. */
  sealed interface Outcome {}

  /** Salesforce answered, with one result per subrequest. */
  record Answered(CompositeResponse response) implements Outcome {}

  /** Salesforce refused the whole call with a 4xx: nothing in it was processed. */
  record Refused(String reason) implements Outcome {}

  /** The request certainly never reached Salesforce. */
  record NotSent(String reason) implements Outcome {}

  /** The request may have been processed, but no usable answer arrived. */
  record Lost(String what) implements Outcome {}

  static Outcome send(SalesforceClient client, CompositeRequest request) {
    CompositeResponse response;
    try {
      response = client.composite(request);
    } catch (SalesforceTransportException e) {
      String cause = e.getCause() == null ? e.getMessage() : e.getCause().toString();
      return e.outcomeUnknown()
          ? new Lost("The connection failed or timed out after the request was sent (" + cause
              + "), so Salesforce's answer was lost")
          : new NotSent(e.getMessage());
    } catch (SalesforceApiException e) {
      if (e.httpStatus() >= 500) {
        return new Lost("Salesforce answered " + e.httpStatus() + (e.errorCode().isEmpty() ? "" : " " + e.errorCode())
            + " to the composite call, which does not say whether it was processed");
      }
      if (e.kind() == Kind.UNEXPECTED_RESPONSE) {
        return new Lost("Salesforce's answer to the composite call could not be read (" + e.getMessage() + ")");
      }
      return new Refused(e.getMessage());
    }
    String malformed = malformed(request, response);
    return malformed.isEmpty() ? new Answered(response)
        : new Lost("Salesforce's answer to the composite call " + malformed);
  }

  /** The failure that caused the others to halt (the first failure when all report halting). */
  static Optional<CompositeSubresponse> rootCause(CompositeResponse response) {
    List<CompositeSubresponse> failures = response.failures();
    return failures.stream().filter(f -> !f.errorCode().equals(HALTED)).findFirst()
        .or(() -> failures.stream().findFirst());
  }

  /** A failed subrequest's errors as {@code CODE: message (fields ...)}. */
  static String errorText(CompositeSubresponse failure) {
    if (failure.errors().isEmpty()) {
      return "HTTP " + failure.httpStatus() + failure.body().map(b -> " " + b).orElse("");
    }
    return failure.errors().stream().map(Composite::errorText).collect(Collectors.joining("; "));
  }

  private static String errorText(ApiError error) {
    String fields = error.fields().isEmpty() ? "" : " (fields " + String.join(", ", error.fields()) + ")";
    return (error.errorCode().isEmpty() ? "" : error.errorCode() + ": ") + error.message() + fields;
  }

  /** True when {@code text} would be read as a reference inside a composite body. */
  static boolean hasReference(String text) {
    return text.contains(REFERENCE_START);
  }

  /**
   * Text from Salesforce (or derived from the caller's text) made safe to place in a composite body:
   * {@code @{} becomes {@code @ {}, so Salesforce does not resolve it as a reference.
   */
  static String literal(String text) {
    return text.replace(REFERENCE_START, "@ {");
  }

  /** Why the answer cannot be taken at its word, or empty when it can. */
  private static String malformed(CompositeRequest request, CompositeResponse response) {
    Set<String> answered = new HashSet<>();
    response.results().forEach(r -> answered.add(r.referenceId()));
    String missing = request.subrequests().stream().map(CompositeSubrequest::referenceId)
        .filter(ref -> !answered.contains(ref)).collect(Collectors.joining(", "));
    if (!missing.isEmpty()) {
      return "did not report every step (missing: " + missing + ")";
    }
    if (response.results().stream().anyMatch(r -> r.httpStatus() < 100)) {
      return "reported a step without a status";
    }
    boolean someSucceeded = response.results().stream().anyMatch(CompositeSubresponse::succeeded);
    if (request.allOrNone() && someSucceeded && !response.allSucceeded()) {
      return "reported some steps as done and others as failed, which an all-or-none call cannot do";
    }
    return "";
  }
}
