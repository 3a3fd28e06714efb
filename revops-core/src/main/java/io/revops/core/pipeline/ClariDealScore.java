package io.revops.core.pipeline;

import java.util.Objects;

/**
 * Clari's AI score for a deal.
 *
 * @param score the score (Clari gives lost deals 0)
 * @param message Clari's explanation
 */
public record ClariDealScore(int score, String message) {

  public ClariDealScore {
    Objects.requireNonNull(message, "message");
  }
}
