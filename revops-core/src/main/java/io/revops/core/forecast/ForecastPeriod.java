package io.revops.core.forecast;

import java.util.Objects;
import java.util.Optional;

/**
 * The quarter a forecast summary covers, as Clari answered it.
 *
 * @param id Clari's period id, e.g. {@code 2026_Q2}
 * @param label Clari's label for people (e.g. {@code FY27 Q1}), else one made from the id
 * @param startDate the first day, as Clari wrote it
 * @param endDate the last day, as Clari wrote it
 */
public record ForecastPeriod(String id, String label, Optional<String> startDate, Optional<String> endDate) {

  /** Checks for nulls. */
  public ForecastPeriod {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
  }
}
