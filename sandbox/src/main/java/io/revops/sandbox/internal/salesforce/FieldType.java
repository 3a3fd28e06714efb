package io.revops.sandbox.internal.salesforce;

import java.util.Locale;

/** The describe {@code type} of a field, with what SOQL lets one do with it. */
public enum FieldType {
  ID, REFERENCE, STRING, TEXTAREA, PICKLIST, EMAIL, PHONE, URL, BOOLEAN, CURRENCY, DOUBLE, PERCENT, INT,
  DATE, DATETIME, BASE64, ANYTYPE;

  /** The name describe reports, e.g. {@code datetime}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Values held as {@code String} and compared case-insensitively. */
  public boolean isText() {
    return switch (this) {
      case ID, REFERENCE, STRING, TEXTAREA, PICKLIST, EMAIL, PHONE, URL -> true;
      default -> false;
    };
  }

  /** Values held as {@code BigDecimal} (or {@code Integer} for INT). */
  public boolean isNumber() {
    return this == CURRENCY || this == DOUBLE || this == PERCENT || this == INT;
  }

  /** Whether the value is a record id (compared in its 18-character form). */
  public boolean isId() {
    return this == ID || this == REFERENCE;
  }

  /** Whether a filter on the field is allowed unless the field says otherwise. */
  boolean filterableByDefault() {
    return this != TEXTAREA && this != BASE64 && this != ANYTYPE;
  }

  /** Salesforce cannot group by currency, double, percent, datetime, long text or base64 fields. */
  boolean groupableByDefault() {
    return switch (this) {
      case ID, REFERENCE, STRING, PICKLIST, EMAIL, PHONE, URL, BOOLEAN, INT, DATE -> true;
      default -> false;
    };
  }

  boolean sortableByDefault() {
    return this != TEXTAREA && this != BASE64 && this != ANYTYPE;
  }

  /** The type named in "must be of type ..." filter errors. */
  public String filterTypeName() {
    return switch (this) {
      case CURRENCY, DOUBLE, PERCENT -> "double";
      case INT -> "integer";
      case DATE -> "date";
      case DATETIME -> "dateTime";
      case BOOLEAN -> "boolean";
      case ID, REFERENCE -> "id";
      default -> "string";
    };
  }
}
