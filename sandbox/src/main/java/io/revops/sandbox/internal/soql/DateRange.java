package io.revops.sandbox.internal.soql;

import io.revops.salesforce.soql.ast.Literal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The days a relative date literal stands for, both ends inclusive, in the org's time zone. Weeks start
 * on Sunday (the en_US locale of the sample org); the fiscal year is the calendar year
 * ({@code FiscalYearStartMonth} 1), so {@code FISCAL} literals equal their calendar twins.
 *
 * <p>As Salesforce documents: {@code LAST_N_DAYS:n} and {@code LAST_90_DAYS} include today (so
 * {@code LAST_N_DAYS:1} is yesterday and today); {@code NEXT_N_DAYS:n} starts tomorrow; the
 * {@code LAST_N_/NEXT_N_} week, month, quarter and year literals cover whole periods before or after the
 * current one; {@code N_..._AGO:n} is the single period {@code n} periods back.
 */
record DateRange(LocalDate start, LocalDate end) {

  boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  static DateRange of(Literal.RelativeDate literal, LocalDate today) {
    String name = literal.name().replace("_FISCAL", "");
    int n = literal.n().orElse(0);
    return switch (name) {
      case "YESTERDAY" -> day(today.minusDays(1));
      case "TODAY" -> day(today);
      case "TOMORROW" -> day(today.plusDays(1));
      case "LAST_90_DAYS" -> new DateRange(today.minusDays(90), today);
      case "NEXT_90_DAYS" -> new DateRange(today.plusDays(1), today.plusDays(90));
      case "LAST_N_DAYS" -> new DateRange(today.minusDays(n), today);
      case "NEXT_N_DAYS" -> new DateRange(today.plusDays(1), today.plusDays(n));
      case "N_DAYS_AGO" -> day(today.minusDays(n));
      case "THIS_WEEK" -> weeks(today, 0, 1);
      case "LAST_WEEK" -> weeks(today, -1, 1);
      case "NEXT_WEEK" -> weeks(today, 1, 1);
      case "LAST_N_WEEKS" -> weeks(today, -n, n);
      case "NEXT_N_WEEKS" -> weeks(today, 1, n);
      case "N_WEEKS_AGO" -> weeks(today, -n, 1);
      case "THIS_MONTH" -> months(today, 0, 1);
      case "LAST_MONTH" -> months(today, -1, 1);
      case "NEXT_MONTH" -> months(today, 1, 1);
      case "LAST_N_MONTHS" -> months(today, -n, n);
      case "NEXT_N_MONTHS" -> months(today, 1, n);
      case "N_MONTHS_AGO" -> months(today, -n, 1);
      case "THIS_QUARTER" -> quarters(today, 0, 1);
      case "LAST_QUARTER" -> quarters(today, -1, 1);
      case "NEXT_QUARTER" -> quarters(today, 1, 1);
      case "LAST_N_QUARTERS" -> quarters(today, -n, n);
      case "NEXT_N_QUARTERS" -> quarters(today, 1, n);
      case "N_QUARTERS_AGO" -> quarters(today, -n, 1);
      case "THIS_YEAR" -> years(today, 0, 1);
      case "LAST_YEAR" -> years(today, -1, 1);
      case "NEXT_YEAR" -> years(today, 1, 1);
      case "LAST_N_YEARS" -> years(today, -n, n);
      case "NEXT_N_YEARS" -> years(today, 1, n);
      case "N_YEARS_AGO" -> years(today, -n, 1);
      default -> throw new IllegalArgumentException("unknown date literal " + literal.canonical());
    };
  }

  /** The first day of the quarter holding {@code day}. */
  static LocalDate quarterStart(LocalDate day) {
    return day.with(IsoFields.DAY_OF_QUARTER, 1);
  }

  private static DateRange day(LocalDate day) {
    return new DateRange(day, day);
  }

  /** {@code count} periods starting {@code offset} periods from the current one. */
  private static DateRange weeks(LocalDate today, int offset, int count) {
    LocalDate start = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).plusWeeks(offset);
    return new DateRange(start, start.plusWeeks(count).minusDays(1));
  }

  private static DateRange months(LocalDate today, int offset, int count) {
    LocalDate start = today.withDayOfMonth(1).plusMonths(offset);
    return new DateRange(start, start.plusMonths(count).minusDays(1));
  }

  private static DateRange quarters(LocalDate today, int offset, int count) {
    LocalDate start = quarterStart(today).plusMonths(3L * offset);
    return new DateRange(start, start.plusMonths(3L * count).minusDays(1));
  }

  private static DateRange years(LocalDate today, int offset, int count) {
    LocalDate start = today.withDayOfYear(1).plusYears(offset);
    return new DateRange(start, start.plusYears(count).minusDays(1));
  }
}
