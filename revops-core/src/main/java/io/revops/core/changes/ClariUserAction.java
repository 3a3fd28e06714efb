package io.revops.core.changes;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One entry of Clari's audit log: something a person, system or job did in Clari (for example an API
 * access or a forecast submission). Not a change of a CRM field.
 *
 * @param at when it happened
 * @param actor who did it (name when Clari listed it, else Clari's actor id)
 * @param actorType {@code USER}, {@code SYSTEM} or {@code JOB}
 * @param event Clari's event name, e.g. {@code api.accessed}
 * @param parameters the event's parameters as short text, by name
 * @param sessionType {@code WEB}, {@code IOS} or {@code ANDROID}
 */
public record ClariUserAction(Optional<Instant> at, String actor, String actorType, String event,
    Map<String, String> parameters, Optional<String> sessionType) {

  /** Copies the parameters (sorted by name) and checks for nulls. */
  public ClariUserAction {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(event, "event");
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    Objects.requireNonNull(sessionType, "sessionType");
  }
}
