package io.revops.clari;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One opportunity field as Clari sees it. Values are JSON values (String, Double, Boolean, List or Map).
 *
 * @param id e.g. {@code opportunity.amount}
 * @param alias display name
 * @param value current value
 * @param originalValue value before Clari's adjustments
 * @param trend Clari's trend label
 * @param trendHistory past changes
 */
public record InsightField(String id, Optional<String> alias, Optional<Object> value, Optional<Object> originalValue,
    Optional<String> trend, List<TrendChange> trendHistory) {
  /** Copies the history and checks for nulls. */
  public InsightField {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(originalValue, "originalValue");
    Objects.requireNonNull(trend, "trend");
    trendHistory = List.copyOf(trendHistory);
  }
}
