package io.revops.sandbox.internal.salesforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * Field values as the emulator holds them, and their wire forms. Held types: text fields {@code String}
 * (ids in their 18-character form), {@code Boolean}, {@code BigDecimal} (currency, double, percent),
 * {@code Integer} (int), {@code LocalDate} (date), {@code Instant} (datetime); anyType any of these.
 */
public final class Values {
  /** Salesforce's dateTime wire format, {@code 2026-05-01T12:00:00.000+0000}. */
  private static final DateTimeFormatter WIRE_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** Accepts {@code 2026-05-01T12:00:00Z}, {@code ...00.000+0000}, {@code ...00+00:00}. */
  private static final DateTimeFormatter LENIENT_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendPattern("XXX").optionalEnd()
      .optionalStart().appendPattern("XX").optionalEnd()
      .toFormatter(Locale.ROOT);

  private Values() {}

  public static String formatDateTime(Instant instant) {
    return WIRE_DATE_TIME.format(instant);
  }

  /** Parses a dateTime in any of the forms Salesforce accepts on input. */
  public static Instant parseDateTime(String text) {
    try {
      return OffsetDateTime.parse(text, LENIENT_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(text);
    }
  }

  /** The JSON form of a held value: dates as text, numbers as Salesforce prints them. */
  public static Object toJson(FieldType type, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof Instant t) {
      return formatDateTime(t);
    }
    if (value instanceof BigDecimal d) {
      return type == FieldType.INT ? d.setScale(0, RoundingMode.HALF_UP) : decimal(d);
    }
    return value;
  }

  /** A decimal as Salesforce writes currency and double values: at least one fraction digit ({@code 5000.0}). */
  public static BigDecimal decimal(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
  }

  /** A held number as {@code BigDecimal}. */
  public static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    throw new IllegalArgumentException("not a number: " + value);
  }

  /** A held date-like value as a date in the org's time zone (UTC). */
  public static LocalDate day(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Instant t) {
      return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("not a date: " + value);
  }

  /** Equality as SOQL sees it: text case-insensitively, numbers by value. */
  public static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof String s && b instanceof String t) {
      return s.equalsIgnoreCase(t);
    }
    if ((a instanceof BigDecimal || a instanceof Integer) && (b instanceof BigDecimal || b instanceof Integer)) {
      return number(a).compareTo(number(b)) == 0;
    }
    return a.equals(b);
  }

  /**
   * Orders two non-null held values of {@code field}: text case-insensitively, picklists in picklist
   * order (as Salesforce sorts them), everything else naturally.
   */
  public static int compare(FieldSchema field, Object a, Object b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (field != null && field.type() == FieldType.PICKLIST) {
      int i = indexIgnoreCase(field, (String) a);
      int j = indexIgnoreCase(field, (String) b);
      if (i >= 0 && j >= 0) {
        return Integer.compare(i, j);
      }
    }
    return compareNatural(a, b);
  }

  /** Orders two non-null values of the same kind. */
  @SuppressWarnings("unchecked")
  public static int compareNatural(Object a, Object b) {
    if (a instanceof String s && b instanceof String t) {
      return String.CASE_INSENSITIVE_ORDER.compare(s, t);
    }
    if ((a instanceof BigDecimal || a instanceof Integer) && (b instanceof BigDecimal || b instanceof Integer)) {
      return number(a).compareTo(number(b));
    }
    if (a instanceof Instant && b instanceof LocalDate || a instanceof LocalDate && b instanceof Instant) {
      return day(a).compareTo(day(b));
    }
    if (a.getClass().equals(b.getClass()) && a instanceof Comparable<?>) {
      return ((Comparable<Object>) a).compareTo(b);
    }
    return a.toString().compareTo(b.toString());
  }

  private static int indexIgnoreCase(FieldSchema field, String value) {
    for (int i = 0; i < field.picklistValues().size(); i++) {
      if (field.picklistValues().get(i).equalsIgnoreCase(value)) {
        return i;
      }
    }
    return -1;
  }

  /** A comparator of held values with nulls handled by the caller. */
  public static Comparator<Object> comparator(FieldSchema field) {
    return (a, b) -> compare(field, a, b);
  }

  /** How a value reads in text fields such as the audit object's old and new values. */
  public static String display(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Instant t) {
      return formatDateTime(t);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }
}
