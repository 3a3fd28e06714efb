package io.revops.core.pipeline;

import io.revops.core.RevOpsArgumentException;
import io.revops.salesforce.SalesforceId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/** Checks the pipeline operations' arguments, before any request. */
final class PipelineInputs {
  static final int MAX_DAYS = 3650;

  private PipelineInputs() {}

  static int days(String argument, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new RevOpsArgumentException(argument, days + " is out of range",
          "Pass a whole number of days from 1 to " + MAX_DAYS);
    }
    return days;
  }

  static Optional<SalesforceId> ownerId(Optional<String> ownerId) {
    Objects.requireNonNull(ownerId, "ownerId");
    return ownerId.filter(id -> !id.isBlank()).map(id -> {
      try {
        return SalesforceId.ofType(id, "User", "ownerId");
      } catch (IllegalArgumentException e) {
        throw new RevOpsArgumentException("ownerId", e);
      }
    });
  }

  static LocalDate isoDate(String argument, String text) {
    if (text == null || text.isBlank()) {
      throw new RevOpsArgumentException(argument, "is missing", "Pass an ISO date such as 2026-06-30");
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new RevOpsArgumentException(argument, "'" + text + "' is not an ISO date",
          "Pass an ISO date such as 2026-06-30 (year-month-day)");
    }
  }
}
