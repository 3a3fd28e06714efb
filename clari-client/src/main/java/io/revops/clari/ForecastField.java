package io.revops.clari;

import java.util.Objects;
import java.util.Optional;

/**
 * A forecast column such as Commit, Best Case or Quota.
 *
 * @param fieldId the id entries refer to
 * @param fieldName the display name
 * @param fieldType Clari's field type
 */
public record ForecastField(String fieldId, Optional<String> fieldName, Optional<String> fieldType) {
  /** Checks for nulls. */
  public ForecastField {
    Objects.requireNonNull(fieldId, "fieldId");
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(fieldType, "fieldType");
  }
}
