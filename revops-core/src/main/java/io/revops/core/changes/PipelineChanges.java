package io.revops.core.changes;

import java.util.List;

/**
 * The answer to "what changed in the pipeline between two dates": either CRM field changes from
 * Salesforce history ({@link CrmFieldChanges}) or, when only Clari is configured, Clari user actions
 * ({@link ClariUserActions}), which are a different thing and labelled as such. At most the requested
 * number of events, newest first; {@link #moreExist()} says when the window held more.
 */
public sealed interface PipelineChanges permits CrmFieldChanges, ClariUserActions {

  /** Where the events come from. */
  ChangeSource source();

  /** The days covered (UTC, end date included). */
  ChangeWindow window();

  /** True when the window holds more events than were returned. */
  boolean moreExist();

  /** Caveats for people: how the source was chosen, what is missing and how to see more. */
  List<String> notes();
}
