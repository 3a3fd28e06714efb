package io.revops.core.changes;

import io.revops.core.RevOpsArgumentException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The days a pipeline-changes question covers, both inclusive, in UTC: from the start of
 * {@code startDate} up to (not including) the start of the day after {@code endDate}, so "the end
 * date includes its whole day".
 */
public record ChangeWindow(LocalDate startDate, LocalDate endDate) {

  public ChangeWindow {
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    if (startDate.isAfter(endDate)) {
      throw new RevOpsArgumentException("startDate",
          startDate + " is after endDate " + endDate, "Pass a startDate on or before the endDate");
    }
  }

  /**
   * Reads two ISO dates ({@code 2026-05-01}).
   *
   * @throws RevOpsArgumentException naming the argument that is not a date or is out of order
   */
  public static ChangeWindow parse(String startDate, String endDate) {
    return new ChangeWindow(date("startDate", startDate), date("endDate", endDate));
  }

  /** The first instant of the window. */
  public Instant from() {
    return startDate.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the window (exclusive bound). */
  public Instant until() {
    return endDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static LocalDate date(String argument, String text) {
    if (text == null || text.isBlank()) {
      throw new RevOpsArgumentException(argument, "is missing", "Pass an ISO date such as 2026-05-01");
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new RevOpsArgumentException(argument,
          "'" + text + "' is not an ISO date", "Pass an ISO date such as 2026-05-01 (year-month-day)");
    }
  }
}
