package io.revops.core.risk;

import java.util.Objects;
import java.util.Optional;

/**
 * One deal field as Clari tracks it, with values rendered as short text.
 *
 * @param name Clari's display name for the field (its id when Clari gave none)
 * @param fieldId Clari's field id, e.g. {@code opportunity.amount}
 * @param value the current value
 * @param trend Clari's trend label
 * @param latestChange the most recent change in the field's trend history
 */
public record DealField(String name, String fieldId, Optional<String> value, Optional<String> trend,
    Optional<TrendStep> latestChange) {

  /** Checks for nulls. */
  public DealField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldId, "fieldId");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(latestChange, "latestChange");
  }
}
