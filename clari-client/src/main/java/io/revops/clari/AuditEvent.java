package io.revops.clari;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Clari audit event: an action of a Clari user, the system or a job (API access, forecast edits, ...).
 * It is not a feed of CRM field changes. {@code actorName} is resolved from the page's actor list.
 *
 * @param correlationId Clari's correlation id
 * @param actorId who acted
 * @param actorName the actor's name, when Clari listed the actor
 * @param actorType {@code USER}, {@code SYSTEM} or {@code JOB}
 * @param impersonatingActorId on whose behalf, when impersonating
 * @param event the event name, e.g. {@code api.accessed}
 * @param parameters event parameters (JSON values: String, Double, Boolean, List or Map; nulls dropped)
 * @param timestamp when it happened
 * @param sessionType {@code WEB}, {@code IOS} or {@code ANDROID}
 * @param ipAddress origin address
 */
public record AuditEvent(Optional<String> correlationId, String actorId, Optional<String> actorName, String actorType,
    Optional<String> impersonatingActorId, String event, Map<String, Object> parameters, Optional<Instant> timestamp,
    Optional<String> sessionType, Optional<String> ipAddress) {
  /** Copies parameters and checks for nulls. */
  public AuditEvent {
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actorName, "actorName");
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(impersonatingActorId, "impersonatingActorId");
    Objects.requireNonNull(event, "event");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(sessionType, "sessionType");
    Objects.requireNonNull(ipAddress, "ipAddress");
  }
}
