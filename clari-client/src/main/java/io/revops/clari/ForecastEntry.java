package io.revops.clari;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One forecast cell: a user x field x week value. {@code values} keeps every key of Clari's entry that
 * ends in {@code Value} ({@code forecastValue}, {@code quotaValue}, and keys of other export types that
 * Clari has not documented), with JSON null or a non-numeric value as an empty Optional.
 *
 * @param userId the user (see {@link ForecastExport#users()})
 * @param fieldId the field (see {@link ForecastExport#fields()})
 * @param timePeriodId the quarter, e.g. {@code 2026_Q2}
 * @param timeFrameId the week
 * @param values every {@code *Value} key with its numeric value
 * @param currencyCode the currency of the values
 * @param updated whether the contributor updated the call
 * @param updatedBy who updated it
 * @param updatedOn when it was updated
 */
public record ForecastEntry(String userId, String fieldId, String timePeriodId, String timeFrameId,
    Map<String, Optional<Double>> values, Optional<String> currencyCode, boolean updated,
    Optional<String> updatedBy, Optional<Instant> updatedOn) {
  /** Copies the values map and checks for nulls. */
  public ForecastEntry {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(fieldId, "fieldId");
    Objects.requireNonNull(timePeriodId, "timePeriodId");
    Objects.requireNonNull(timeFrameId, "timeFrameId");
    values = Map.copyOf(values);
    Objects.requireNonNull(currencyCode, "currencyCode");
    Objects.requireNonNull(updatedBy, "updatedBy");
    Objects.requireNonNull(updatedOn, "updatedOn");
  }

  /** The value of {@code key} (e.g. {@code adjustmentValue}), empty when absent or null. */
  public Optional<Double> value(String key) {
    return values.getOrDefault(key, Optional.empty());
  }

  /** {@code forecastValue}, empty when absent or null. */
  public Optional<Double> forecastValue() {
    return value("forecastValue");
  }

  /** {@code quotaValue}, empty when absent or null. */
  public Optional<Double> quotaValue() {
    return value("quotaValue");
  }
}
