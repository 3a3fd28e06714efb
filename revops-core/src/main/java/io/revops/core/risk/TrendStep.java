package io.revops.core.risk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a deal field: old value to new value, and when.
 *
 * @param oldValue the value before, as short text
 * @param newValue the value after, as short text
 * @param changedAt when it changed
 */
public record TrendStep(Optional<String> oldValue, Optional<String> newValue, Optional<Instant> changedAt) {

  /** Checks for nulls. */
  public TrendStep {
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(changedAt, "changedAt");
  }
}
