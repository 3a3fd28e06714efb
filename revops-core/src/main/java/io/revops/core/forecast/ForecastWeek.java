package io.revops.core.forecast;

import java.util.Objects;
import java.util.Optional;

/**
 * The week (Clari time frame) a forecast summary's figures come from: the latest one in Clari's answer.
 *
 * @param id Clari's time frame id
 * @param startDate the first day, as Clari wrote it
 * @param endDate the last day, as Clari wrote it
 */
public record ForecastWeek(String id, Optional<String> startDate, Optional<String> endDate) {

  /** Checks for nulls. */
  public ForecastWeek {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
  }
}
