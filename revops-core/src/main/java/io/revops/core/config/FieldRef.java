package io.revops.core.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of one object, written {@code Object.Field} (for example {@code Opportunity.NextStep}),
 * as listed in {@code REVOPS_WRITABLE_FIELDS}. Names compare case-insensitively, as Salesforce's do.
 */
public record FieldRef(String objectName, String fieldName) {
  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  public FieldRef {
    Objects.requireNonNull(objectName, "objectName");
    Objects.requireNonNull(fieldName, "fieldName");
    if (!API_NAME.matcher(objectName).matches() || !API_NAME.matcher(fieldName).matches()) {
      throw new IllegalArgumentException(
          "'" + objectName + "." + fieldName + "' is not Object.Field in API names, such as Opportunity.NextStep");
    }
  }

  /** Parses {@code Object.Field}. */
  public static FieldRef parse(String text) {
    String trimmed = text.trim();
    int dot = trimmed.indexOf('.');
    if (dot <= 0 || dot != trimmed.lastIndexOf('.') || dot == trimmed.length() - 1) {
      throw new IllegalArgumentException(
          "'" + trimmed + "' is not Object.Field, such as Opportunity.NextStep");
    }
    return new FieldRef(trimmed.substring(0, dot), trimmed.substring(dot + 1));
  }

  /** Whether this names the given object and field, ignoring case. */
  public boolean matches(String object, String field) {
    return objectName.equalsIgnoreCase(object) && fieldName.equalsIgnoreCase(field);
  }

  @Override
  public String toString() {
    return objectName + "." + fieldName;
  }
}
