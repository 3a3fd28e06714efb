package io.revops.clari;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone or something that caused audit events.
 *
 * @param actorId Clari's actor id
 * @param actorType {@code USER}, {@code SYSTEM} or {@code JOB}
 * @param name display name
 * @param email email address
 */
public record AuditActor(String actorId, String actorType, Optional<String> name, Optional<String> email) {
  /** Checks for nulls. */
  public AuditActor {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }
}
