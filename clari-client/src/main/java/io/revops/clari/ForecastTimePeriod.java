package io.revops.clari;

import java.util.Objects;
import java.util.Optional;

/**
 * A fiscal period covered by the results.
 *
 * @param timePeriodId e.g. {@code 2026_Q2}
 * @param type e.g. quarter
 * @param label display label
 * @param year fiscal year
 * @param startDate first day, as Clari formats it
 * @param endDate last day, as Clari formats it
 * @param crmId the CRM period id
 */
public record ForecastTimePeriod(String timePeriodId, Optional<String> type, Optional<String> label,
    Optional<String> year, Optional<String> startDate, Optional<String> endDate, Optional<String> crmId) {
  /** Checks for nulls. */
  public ForecastTimePeriod {
    Objects.requireNonNull(timePeriodId, "timePeriodId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(crmId, "crmId");
  }
}
