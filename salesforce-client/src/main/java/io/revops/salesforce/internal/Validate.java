package io.revops.salesforce.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Argument checks shared by the public API; every message names the argument and the fix. */
public final class Validate {
  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

  private Validate() {}

  /** An sObject API name such as {@code Opportunity} or {@code Cleanup_Audit__c}. */
  public static String sObjectType(String type, String argumentName) {
    if (type == null || !API_NAME.matcher(type).matches()) {
      throw new IllegalArgumentException(argumentName + " '" + type + "' is not an sObject API name:"
          + " use a name like Opportunity or Cleanup_Audit__c (letters, digits, underscores)");
    }
    return type;
  }

  /** A field API name such as {@code StageName}. */
  public static String fieldName(String field, String argumentName) {
    if (field == null || !API_NAME.matcher(field).matches()) {
      throw new IllegalArgumentException(argumentName + " '" + field + "' is not a field API name:"
          + " use a name like StageName or Amount__c (letters, digits, underscores)");
    }
    return field;
  }

  /**
   * Copies a field map for a create/update body, keeping order and nulls (null clears a field).
   * Values must be text, numbers, booleans, dates, date-times, ids, null, or lists/maps of those.
   */
  public static Map<String, Object> fieldValues(Map<String, ?> fields, String argumentName) {
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException(argumentName + " is empty: pass at least one field to write");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    fields.forEach((name, value) -> {
      fieldName(name, argumentName + " key");
      checkValue(value, argumentName + "." + name);
      copy.put(name, value);
    });
    return Collections.unmodifiableMap(copy);
  }

  private static void checkValue(Object value, String where) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof BigDecimal || value instanceof Double
        || value instanceof LocalDate || value instanceof OffsetDateTime || value instanceof Instant
        || value instanceof io.revops.salesforce.SalesforceId) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> checkValue(v, where));
      return;
    }
    if (value instanceof Iterable<?> list) {
      list.forEach(v -> checkValue(v, where));
      return;
    }
    throw new IllegalArgumentException(where + " has unsupported type " + value.getClass().getName()
        + ": pass a String, number, Boolean, LocalDate, OffsetDateTime, SalesforceId or null");
  }
}
