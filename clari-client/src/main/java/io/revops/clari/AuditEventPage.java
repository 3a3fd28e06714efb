package io.revops.clari;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@code GET /audit/events}.
 *
 * @param events the events, actor names resolved
 * @param actors the actors Clari listed for this page
 * @param nextLink the next page's URL, absent on the last page
 */
public record AuditEventPage(List<AuditEvent> events, List<AuditActor> actors, Optional<String> nextLink) {
  /** Copies the lists. */
  public AuditEventPage {
    events = List.copyOf(events);
    actors = List.copyOf(actors);
    Objects.requireNonNull(nextLink, "nextLink");
  }
}
