package io.revops.core.changes;

import java.util.List;
import java.util.Objects;

/**
 * What people did in Clari in the window, from Clari's audit log, returned when Salesforce is not
 * configured. These are Clari user actions (API access, forecast edits and submissions), NOT changes of
 * CRM stages, amounts or close dates; {@link #LABEL} says so for people.
 *
 * @param window the days covered
 * @param actions at most the requested number of actions, newest first
 * @param moreExist true when Clari holds more actions in the window than returned
 * @param notes caveats for people, starting with {@link #LABEL}
 */
public record ClariUserActions(ChangeWindow window, List<ClariUserAction> actions, boolean moreExist,
    List<String> notes) implements PipelineChanges {

  /** How these events must be presented. */
  public static final String LABEL = "These are Clari user actions from Clari's audit log (what people did in"
      + " Clari, such as API access and forecast edits), NOT Salesforce stage, amount or close-date changes."
      + " Configure Salesforce to see CRM pipeline changes.";

  /** Copies the lists. */
  public ClariUserActions {
    Objects.requireNonNull(window, "window");
    actions = List.copyOf(actions);
    notes = List.copyOf(notes);
  }

  @Override
  public ChangeSource source() {
    return ChangeSource.CLARI_AUDIT_LOG;
  }
}
