package io.revops.core.writes;

import io.revops.core.RevOpsArgumentException;
import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.PicklistValue;
import io.revops.salesforce.SalesforceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a value given as text (as it arrives from a chat) against a field's describe, and converts it
 * to the JSON value Salesforce expects, before anything is sent. Also renders values as the text an
 * audit row shows.
 */
final class FieldValues {
  private static final Set<String> TEXT = Set.of("string", "textarea", "email", "phone", "url", "encryptedstring",
      "combobox");
  private static final Set<String> DECIMAL = Set.of("double", "currency", "percent");
  private static final Set<String> WHOLE = Set.of("int", "long");
  private static final Set<String> OTHER = Set.of("boolean", "date", "datetime", "picklist", "multipicklist",
      "reference");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** Salesforce numbers hold at most 18 digits. */
  private static final int MAX_DIGITS = 18;
  private static final int MAX_LISTED_VALUES = 40;
  private static final DateTimeFormatter SALESFORCE_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("XX").toFormatter(Locale.ROOT);

  private FieldValues() {}

  /**
   * A checked value.
   *
   * @param json the value to send; empty clears the field (JSON null)
   * @param text how the audit row shows it; empty when the field is cleared
   */
  record Converted(Optional<Object> json, Optional<String> text) {
    Object jsonOrNull() {
      return json.orElse(null);
    }
  }

  /** True for the field types {@link #convert} can check. */
  static boolean supports(String type) {
    return TEXT.contains(type) || DECIMAL.contains(type) || WHOLE.contains(type) || OTHER.contains(type);
  }

  /** Field types this class writes, for messages. */
  static String supportedTypes() {
    return "text, numbers, currency, percent, dates, date-times, checkboxes, picklists and lookups";
  }

  /**
   * Checks {@code raw} against {@code field} of {@code objectName}; a blank value clears the field.
   *
   * @throws RevOpsArgumentException naming {@code newValue}, saying what the field needs
   */
  static Converted convert(String objectName, FieldDescribe field, String raw) {
    String where = objectName + "." + field.name();
    if (raw.isBlank()) {
      if (!field.nillable()) {
        throw new RevOpsArgumentException("newValue", "an empty value would clear " + where
            + ", which Salesforce requires to have a value",
            field.type().equals("boolean") ? "Pass true or false" : "Pass a value for " + where);
      }
      return new Converted(Optional.empty(), Optional.empty());
    }
    String type = field.type();
    if (TEXT.contains(type)) {
      return text(where, field, raw);
    }
    String value = raw.strip();
    if (DECIMAL.contains(type)) {
      BigDecimal number = decimal(where, type, value);
      return new Converted(Optional.of(number), Optional.of(number.toPlainString()));
    }
    if (WHOLE.contains(type)) {
      BigDecimal number = whole(where, type, value);
      return new Converted(Optional.of(number), Optional.of(number.toPlainString()));
    }
    return switch (type) {
      case "boolean" -> bool(where, value);
      case "date" -> date(where, value);
      case "datetime" -> dateTime(where, value);
      case "picklist" -> picklist(where, field, value);
      case "multipicklist" -> multipicklist(where, field, value);
      case "reference" -> reference(where, field, value);
      default -> throw new IllegalStateException("unsupported type " + type + " passed the field check");
    };
  }

  /** True when {@code current} (as Salesforce returned it) already equals the checked value. */
  static boolean sameValue(FieldDescribe field, Object current, Converted wanted) {
    if (current == null || current instanceof String s && s.isEmpty()) {
      return wanted.json().isEmpty();
    }
    if (wanted.json().isEmpty()) {
      return false;
    }
    Object want = wanted.json().get();
    String type = field.type();
    if (want instanceof BigDecimal w) {
      return current instanceof BigDecimal c && c.compareTo(w) == 0;
    }
    if (want instanceof Boolean) {
      return want.equals(current);
    }
    if (!(current instanceof String c)) {
      return false;
    }
    return switch (type) {
      case "datetime" -> instant(c).map(i -> i.equals(((OffsetDateTime) want).toInstant())).orElse(false);
      case "multipicklist" -> Set.of(c.split(";")).equals(Set.of(((String) want).split(";")));
      case "reference" -> SalesforceId.isValid(c) && SalesforceId.of(c).to18().equals(want);
      default -> c.equals(want.toString());
    };
  }

  /** A value as Salesforce returned it, as the text an audit row or a result shows; empty when blank. */
  static Optional<String> display(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static Converted text(String where, FieldDescribe field, String value) {
    if (field.length() > 0 && value.length() > field.length()) {
      throw new RevOpsArgumentException("newValue", "it is " + value.length() + " characters long, but " + where
          + " holds at most " + field.length(), "Shorten it to " + field.length() + " characters or fewer");
    }
    if (field.type().equals("email") && !EMAIL.matcher(value.strip()).matches()) {
      throw new RevOpsArgumentException("newValue", "'" + shorten(value) + "' is not an email address, which "
          + where + " needs", "Pass an address such as ana@example.com");
    }
    String sent = field.type().equals("email") ? value.strip() : value;
    return new Converted(Optional.of(sent), Optional.of(sent));
  }

  private static BigDecimal decimal(String where, String type, String value) {
    String digits = type.equals("percent") && value.endsWith("%") ? value.substring(0, value.length() - 1).strip()
        : value;
    if (!NUMBER.matcher(digits).matches()) {
      throw new RevOpsArgumentException("newValue", "'" + shorten(value) + "' is not a number, which " + where
          + " (" + type + ") needs", type.equals("percent")
              ? "Pass the percentage as a plain number, such as 25 for 25%"
              : "Pass a plain number such as 125000 or 99.50, without currency symbols or thousands separators");
    }
    return withinDigits(where, new BigDecimal(digits), value);
  }

  private static BigDecimal whole(String where, String type, String value) {
    if (!WHOLE_NUMBER.matcher(value).matches()) {
      throw new RevOpsArgumentException("newValue", "'" + shorten(value) + "' is not a whole number, which "
          + where + " (" + type + ") needs", "Pass digits only, such as 12");
    }
    BigDecimal number = withinDigits(where, new BigDecimal(value), value);
    if (type.equals("int") && (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
        || number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0)) {
      throw new RevOpsArgumentException("newValue", value + " is outside the range of " + where + " (int)",
          "Pass a number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
    }
    return number;
  }

  private static BigDecimal withinDigits(String where, BigDecimal number, String value) {
    int integerDigits = number.precision() - number.scale();
    if (integerDigits > MAX_DIGITS) {
      throw new RevOpsArgumentException("newValue", shorten(value) + " has " + integerDigits
          + " digits before the decimal point, more than " + where + " can hold",
          "Pass a number with at most " + MAX_DIGITS + " digits before the decimal point");
    }
    return number;
  }

  private static Converted bool(String where, String value) {
    String lowered = value.toLowerCase(Locale.ROOT);
    if (!lowered.equals("true") && !lowered.equals("false")) {
      throw new RevOpsArgumentException("newValue", "'" + shorten(value) + "' is not true or false, which "
          + where + " (checkbox) needs", "Pass true or false");
    }
    return new Converted(Optional.of(Boolean.valueOf(lowered)), Optional.of(lowered));
  }

  private static Converted date(String where, String value) {
    try {
      LocalDate date = LocalDate.parse(value);
      return new Converted(Optional.of(date.toString()), Optional.of(date.toString()));
    } catch (DateTimeParseException e) {
      throw new RevOpsArgumentException("newValue", "'" + shorten(value) + "' is not a date, which " + where
          + " needs", "Pass an ISO date, yyyy-MM-dd, such as 2026-06-30");
    }
  }

  private static Converted dateTime(String where, String value) {
    OffsetDateTime utc = instant(value).map(i -> i.atOffset(ZoneOffset.UTC)).orElseThrow(() ->
        new RevOpsArgumentException("newValue", "'" + shorten(value) + "' is not a date-time with a time zone,"
            + " which " + where + " needs",
            "Pass an ISO date-time with a zone, such as 2026-06-30T17:00:00Z or 2026-06-30T17:00:00+02:00"));
    return new Converted(Optional.of(utc), Optional.of(utc.toInstant().toString()));
  }

  private static Optional<Instant> instant(String value) {
    for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, SALESFORCE_DATE_TIME)) {
      try {
        return Optional.of(OffsetDateTime.parse(value, format).toInstant());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static Converted picklist(String where, FieldDescribe field, String value) {
    checkPicklistValue(where, field, value);
    return new Converted(Optional.of(value), Optional.of(value));
  }

  private static Converted multipicklist(String where, FieldDescribe field, String value) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String part : value.split(";")) {
      if (!part.isBlank()) {
        chosen.add(part.strip());
      }
    }
    chosen.forEach(v -> checkPicklistValue(where, field, v));
    String joined = String.join(";", chosen);
    return new Converted(Optional.of(joined), Optional.of(joined));
  }

  private static void checkPicklistValue(String where, FieldDescribe field, String value) {
    if (field.allowsPicklistValue(value)) {
      return;
    }
    List<PicklistValue> active = field.picklistValues().stream().filter(PicklistValue::active).toList();
    Optional<PicklistValue> near = active.stream()
        .filter(p -> p.value().equalsIgnoreCase(value) || p.label().equalsIgnoreCase(value)).findFirst();
    boolean inactive = field.picklistValues().stream().anyMatch(p -> !p.active() && p.value().equals(value));
    String problem = "'" + shorten(value) + "' is " + (inactive ? "an inactive value" : "not a value") + " of the "
        + where + " picklist";
    String fix = near.map(p -> "Use the API value '" + p.value() + "'. ").orElse("")
        + "Active values: " + listed(active);
    throw new RevOpsArgumentException("newValue", problem, fix);
  }

  private static String listed(List<PicklistValue> values) {
    if (values.isEmpty()) {
      return "(none; the picklist has no active values)";
    }
    String shown = values.stream().limit(MAX_LISTED_VALUES).map(p -> "'" + p.value() + "'")
        .collect(Collectors.joining(", "));
    return values.size() > MAX_LISTED_VALUES ? shown + " and " + (values.size() - MAX_LISTED_VALUES) + " more" : shown;
  }

  private static Converted reference(String where, FieldDescribe field, String value) {
    SalesforceId id;
    try {
      id = SalesforceId.of(value, "newValue");
    } catch (IllegalArgumentException e) {
      throw new RevOpsArgumentException("newValue", e);
    }
    Optional<String> known = id.knownObject();
    if (known.isPresent() && !field.referenceTo().isEmpty() && !field.referenceTo().contains(known.get())) {
      String targets = String.join(" or ", field.referenceTo());
      throw new RevOpsArgumentException("newValue", id + " is an id of " + known.get() + ", but " + where
          + " points to " + targets, "Pass an id of " + targets);
    }
    return new Converted(Optional.of(id.to18()), Optional.of(id.to18()));
  }

  private static String shorten(String value) {
    List<Integer> codePoints = new ArrayList<>();
    value.codePoints().limit(61).forEach(codePoints::add);
    if (codePoints.size() <= 60) {
      return value;
    }
    StringBuilder b = new StringBuilder();
    codePoints.subList(0, 60).forEach(b::appendCodePoint);
    return b.append('…').toString();
  }
}
