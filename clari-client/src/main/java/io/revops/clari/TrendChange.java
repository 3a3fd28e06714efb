package io.revops.clari;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change in a field's trend history. Values are JSON values (String, Double, Boolean, List or Map).
 *
 * @param oldValue the value before
 * @param newValue the value after
 * @param date when it changed
 */
public record TrendChange(Optional<Object> oldValue, Optional<Object> newValue, Optional<Instant> date) {
  /** Checks for nulls. */
  public TrendChange {
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(date, "date");
  }
}
