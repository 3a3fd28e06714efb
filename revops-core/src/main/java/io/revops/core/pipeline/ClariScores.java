package io.revops.core.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether Clari's deal scores are in a result, and if not all of them, why.
 *
 * @param status what happened
 * @param reason why scores are missing, for {@link Status#PARTIAL} and {@link Status#UNAVAILABLE}
 */
public record ClariScores(Status status, Optional<String> reason) {

  /** How the Clari scores went. */
  public enum Status {
    /** No Clari client is configured; no scores were asked for. */
    NOT_CONFIGURED,
    /** Clari answered for every deal (a deal Clari does not track simply has no score). */
    INCLUDED,
    /** Some of Clari's batches failed: the deals in them have no score. */
    PARTIAL,
    /** Clari could not be read: no deal has a score. The Salesforce answer is complete regardless. */
    UNAVAILABLE
  }

  public ClariScores {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }
}
