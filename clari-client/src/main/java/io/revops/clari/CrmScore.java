package io.revops.clari;

import java.util.Objects;

/**
 * Clari's AI deal score for an opportunity.
 *
 * @param score the score (0 for lost deals)
 * @param message Clari's explanation
 */
public record CrmScore(int score, String message) {
  /** Checks for nulls. */
  public CrmScore {
    Objects.requireNonNull(message, "message");
  }
}
