package io.revops.core.changes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stage, amount and close-date changes of opportunities in the window, from Salesforce history, newest
 * first.
 *
 * @param source {@link ChangeSource#SALESFORCE_FIELD_HISTORY} or {@link ChangeSource#SALESFORCE_OPPORTUNITY_HISTORY}
 * @param window the days covered
 * @param changes at most the requested number of changes, newest first
 * @param moreExist true when the window holds more changes than returned
 * @param totalInWindow how many changes the window holds, when known exactly
 * @param notes caveats for people
 */
public record CrmFieldChanges(ChangeSource source, ChangeWindow window, List<FieldChange> changes, boolean moreExist,
    Optional<Long> totalInWindow, List<String> notes) implements PipelineChanges {

  /** Copies the lists and checks the source is a Salesforce one. */
  public CrmFieldChanges {
    Objects.requireNonNull(source, "source");
    if (source == ChangeSource.CLARI_AUDIT_LOG) {
      throw new IllegalArgumentException("Clari audit events are not CRM field changes; use ClariUserActions");
    }
    Objects.requireNonNull(window, "window");
    changes = List.copyOf(changes);
    Objects.requireNonNull(totalInWindow, "totalInWindow");
    notes = List.copyOf(notes);
  }
}
