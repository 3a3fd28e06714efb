package io.revops.sandbox.internal.soql;

import io.revops.sandbox.internal.salesforce.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * SOQL's date functions ({@code CALENDAR_YEAR(CloseDate)}, {@code DAY_ONLY(CreatedDate)}, ...), in the
 * org's time zone (UTC), with the fiscal year equal to the calendar year and weeks starting on Sunday.
 */
final class DateFunctions {
  static final Set<String> NAMES = Set.of("CALENDAR_YEAR", "CALENDAR_QUARTER", "CALENDAR_MONTH", "DAY_IN_MONTH",
      "DAY_IN_WEEK", "DAY_IN_YEAR", "DAY_ONLY", "FISCAL_YEAR", "FISCAL_QUARTER", "FISCAL_MONTH", "HOUR_IN_DAY",
      "WEEK_IN_MONTH", "WEEK_IN_YEAR");

  private DateFunctions() {}

  /** The type of the function's result: DAY_ONLY gives a date, the others an integer. */
  static FieldType resultType(String name) {
    return name.equals("DAY_ONLY") ? FieldType.DATE : FieldType.INT;
  }

  /** Whether the function accepts a field of {@code type}: DAY_ONLY and HOUR_IN_DAY need a datetime. */
  static boolean accepts(String name, FieldType type) {
    if (name.equals("DAY_ONLY") || name.equals("HOUR_IN_DAY")) {
      return type == FieldType.DATETIME;
    }
    return type == FieldType.DATE || type == FieldType.DATETIME;
  }

  static Object apply(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (name.equals("HOUR_IN_DAY")) {
      return ((Instant) value).atOffset(ZoneOffset.UTC).getHour();
    }
    LocalDate day = value instanceof Instant t ? LocalDate.ofInstant(t, ZoneOffset.UTC) : (LocalDate) value;
    return switch (name) {
      case "CALENDAR_YEAR", "FISCAL_YEAR" -> day.getYear();
      case "CALENDAR_QUARTER", "FISCAL_QUARTER" -> (day.getMonthValue() - 1) / 3 + 1;
      case "CALENDAR_MONTH", "FISCAL_MONTH" -> day.getMonthValue();
      case "DAY_IN_MONTH" -> day.getDayOfMonth();
      case "DAY_IN_WEEK" -> day.getDayOfWeek().getValue() % 7 + 1;
      case "DAY_IN_YEAR" -> day.getDayOfYear();
      case "DAY_ONLY" -> day;
      case "WEEK_IN_MONTH" -> (day.getDayOfMonth() - 1) / 7 + 1;
      case "WEEK_IN_YEAR" -> (day.getDayOfYear() - 1) / 7 + 1;
      default -> throw new IllegalArgumentException(name);
    };
  }
}
