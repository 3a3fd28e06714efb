package io.revops.core.changes;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an opportunity's stage, amount or close date, as Salesforce recorded it.
 *
 * @param opportunityId the opportunity (18 characters)
 * @param opportunityName its name
 * @param field {@code StageName}, {@code Amount} or {@code CloseDate}
 * @param oldValue the value before (empty when it was blank)
 * @param newValue the value after (empty when cleared)
 * @param changedAt when the change was saved
 * @param changedBy who saved it
 */
public record FieldChange(String opportunityId, Optional<String> opportunityName, String field,
    Optional<String> oldValue, Optional<String> newValue, Instant changedAt, Optional<String> changedBy) {

  /** Checks for nulls. */
  public FieldChange {
    Objects.requireNonNull(opportunityId, "opportunityId");
    Objects.requireNonNull(opportunityName, "opportunityName");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(changedAt, "changedAt");
    Objects.requireNonNull(changedBy, "changedBy");
  }
}
