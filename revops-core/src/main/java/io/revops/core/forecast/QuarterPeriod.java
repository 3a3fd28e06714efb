package io.revops.core.forecast;

import io.revops.core.RevOpsArgumentException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter as Clari names it: {@code 2026_Q2}. {@link #parse} also reads the friendly forms people
 * type ("Q2 2026", "2026-Q2") and refuses fiscal labels such as "FY26 Q2", which cannot be guessed
 * because fiscal years start in different months in different companies.
 */
public record QuarterPeriod(int year, int quarter) {
  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})\\s*[-_/ ]?\\s*Q([1-4])");
  private static final Pattern QUARTER_FIRST = Pattern.compile("Q([1-4])\\s*[-_/ ]?\\s*(\\d{4})");
  private static final String EXPECTED =
      "Use the form 2026_Q2 (also accepted: 'Q2 2026', '2026-Q2')";

  public QuarterPeriod {
    if (year < 2000 || year > 2100) {
      throw new IllegalArgumentException("year " + year + " is outside 2000-2100");
    }
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter " + quarter + " is not 1-4");
    }
  }

  /**
   * Reads a quarter, naming {@code argument} in the error when the text is not one.
   *
   * @throws RevOpsArgumentException when the text is not a calendar-year quarter
   */
  public static QuarterPeriod parse(String argument, String text) {
    String normalized = text.trim().toUpperCase(Locale.ROOT);
    if (normalized.contains("FY")) {
      throw new RevOpsArgumentException(argument,
          "'" + text + "' is a fiscal label, and which calendar year FY26 means depends on your company",
          EXPECTED + ", with the year Clari shows for the period");
    }
    Matcher yearFirst = YEAR_FIRST.matcher(normalized);
    if (yearFirst.matches()) {
      return of(argument, text, yearFirst.group(1), yearFirst.group(2));
    }
    Matcher quarterFirst = QUARTER_FIRST.matcher(normalized);
    if (quarterFirst.matches()) {
      return of(argument, text, quarterFirst.group(2), quarterFirst.group(1));
    }
    throw new RevOpsArgumentException(argument, "'" + text + "' is not a quarter", EXPECTED);
  }

  private static QuarterPeriod of(String argument, String text, String year, String quarter) {
    try {
      return new QuarterPeriod(Integer.parseInt(year), Integer.parseInt(quarter));
    } catch (IllegalArgumentException e) {
      throw new RevOpsArgumentException(argument, "'" + text + "': " + e.getMessage(), EXPECTED);
    }
  }

  /** The id Clari's API takes, such as {@code 2026_Q2}. */
  public String clariId() {
    return year + "_Q" + quarter;
  }

  /** A label for people, such as {@code Q2 2026}. */
  public String label() {
    return "Q" + quarter + " " + year;
  }

  @Override
  public String toString() {
    return clariId();
  }
}
