package io.revops.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * What an operation would do, returned instead of doing it when dry run is on: the requests in
 * the order they would be sent, and notes on steps that depend on earlier answers (for example
 * "the stage order comes from the describe result"). Making a plan sends nothing.
 *
 * @param operation the operation's name, such as {@code updateField}
 * @param requests the requests it would send, credentials redacted
 * @param notes what the requests alone do not show
 */
public record DryRunPlan(String operation, List<PlannedRequest> requests, List<String> notes) {

  public DryRunPlan {
    Objects.requireNonNull(operation, "operation");
    requests = List.copyOf(requests);
    notes = List.copyOf(notes);
  }
}
