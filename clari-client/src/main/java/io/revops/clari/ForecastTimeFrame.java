package io.revops.clari;

import java.util.Objects;
import java.util.Optional;

/**
 * A week covered by the results.
 *
 * @param timeFrameId the id entries refer to (may repeat across quarters)
 * @param startDate first day, as Clari formats it
 * @param endDate last day, as Clari formats it
 */
public record ForecastTimeFrame(String timeFrameId, Optional<String> startDate, Optional<String> endDate) {
  /** Checks for nulls. */
  public ForecastTimeFrame {
    Objects.requireNonNull(timeFrameId, "timeFrameId");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
  }
}
