package io.revops.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record as returned by the REST API, with Salesforce's {@code attributes} noise removed. Typed
 * getters return {@link Optional#empty()} when a field is absent or null, and throw
 * {@link IllegalStateException} when a field holds a value of another type. Field names may be dotted
 * paths through parent relationships, e.g. {@code getString("Account.Name")}. Immutable.
 */
public final class SObjectRecord {
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendPattern("XXX").optionalEnd()
      .optionalStart().appendPattern("XX").optionalEnd()
      .toFormatter();

  private final String type;
  private final Map<String, Object> values;

  private SObjectRecord(String type, Map<String, Object> values) {
    this.type = type;
    this.values = values;
  }

  /**
   * Wraps a record's JSON object (plain values: String, BigDecimal, Boolean, Map, List, null). The type
   * comes from {@code attributes.type}, or {@code fallbackType} when the object has no attributes.
   */
  public static SObjectRecord of(Map<String, ?> json, String fallbackType) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(fallbackType, "fallbackType");
    String type = fallbackType;
    if (json.get("attributes") instanceof Map<?, ?> attributes && attributes.get("type") instanceof String t) {
      type = t;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    json.forEach((k, v) -> {
      if (!"attributes".equals(k)) {
        values.put(k, frozen(v));
      }
    });
    return new SObjectRecord(type, Collections.unmodifiableMap(values));
  }

  /** A read-only deep copy, so a record stays immutable whoever holds its nested maps. */
  private static Object frozen(Object v) {
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, x) -> copy.put(k, frozen(x)));
      return Collections.unmodifiableMap(copy);
    }
    if (v instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(x -> copy.add(frozen(x)));
      return Collections.unmodifiableList(copy);
    }
    return v;
  }

  /**
   * The sObject type, e.g. {@code Opportunity}, or {@code AggregateResult} for aggregate rows; the
   * fallback type given to {@link #of} when Salesforce sent no {@code attributes}.
   */
  public String type() {
    return type;
  }

  /** The {@code Id} field, when selected (aggregate rows have none). */
  public Optional<SalesforceId> id() {
    return getString("Id").filter(SalesforceId::isValid).map(SalesforceId::of);
  }

  /** The raw plain value of a field (String, BigDecimal, Boolean, Map, List), empty when absent or null. */
  public Optional<Object> get(String field) {
    Objects.requireNonNull(field, "field");
    Object current = values.get(field);
    if (current == null && field.indexOf('.') > 0) {
      current = walk(field);
    }
    return Optional.ofNullable(current);
  }

  /** True when the record has this field (even if null). */
  public boolean has(String field) {
    return values.containsKey(field);
  }

  /** A text value; numbers and booleans are rendered as text too. */
  public Optional<String> getString(String field) {
    return get(field).map(v -> {
      if (v instanceof String s) {
        return s;
      }
      if (v instanceof BigDecimal d) {
        return d.toPlainString();
      }
      if (v instanceof Boolean b) {
        return b.toString();
      }
      throw wrongType(field, v, "text");
    });
  }

  /** A number (currency, percent, double, int), exactly as Salesforce sent it. */
  public Optional<BigDecimal> getDecimal(String field) {
    return get(field).map(v -> {
      if (v instanceof BigDecimal d) {
        return d;
      }
      if (v instanceof String s) {
        try {
          return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
          throw wrongType(field, v, "number");
        }
      }
      throw wrongType(field, v, "number");
    });
  }

  /** A date field ({@code 2026-05-01}); a dateTime yields its date part. */
  public Optional<LocalDate> getDate(String field) {
    return get(field).map(v -> {
      if (v instanceof String s) {
        try {
          return s.length() == 10 ? LocalDate.parse(s) : parseDateTime(s).toLocalDate();
        } catch (DateTimeParseException e) {
          throw wrongType(field, v, "date");
        }
      }
      throw wrongType(field, v, "date");
    });
  }

  /**
   * A dateTime field. Accepts Salesforce's {@code 2026-05-01T12:00:00.000+0000} (offset without colon)
   * and ISO-8601 forms such as {@code 2026-05-01T12:00:00Z} or {@code ...+02:00}.
   */
  public Optional<OffsetDateTime> getDateTime(String field) {
    return get(field).map(v -> {
      if (v instanceof String s) {
        try {
          return parseDateTime(s);
        } catch (DateTimeParseException e) {
          throw wrongType(field, v, "dateTime");
        }
      }
      throw wrongType(field, v, "dateTime");
    });
  }

  /** A checkbox field. */
  public Optional<Boolean> getBoolean(String field) {
    return get(field).map(v -> {
      if (v instanceof Boolean b) {
        return b;
      }
      if ("true".equals(v) || "false".equals(v)) {
        return Boolean.valueOf((String) v);
      }
      throw wrongType(field, v, "boolean");
    });
  }

  /** A parent relationship, e.g. {@code getParent("Account")}; empty when the lookup is null. */
  public Optional<SObjectRecord> getParent(String relationship) {
    return get(relationship).map(v -> {
      if (v instanceof Map<?, ?> map && !isSubqueryResult(map)) {
        return SObjectRecord.of(cast(map), relationship);
      }
      throw wrongType(relationship, v, "parent relationship");
    });
  }

  /**
   * A child subquery's page, e.g. {@code getChildren("OpportunityLineItems")}; empty when Salesforce
   * returned null (no children). A page with {@link QueryPage#next()} holds more children to fetch.
   */
  public Optional<QueryPage> getChildren(String relationship) {
    return get(relationship).map(v -> {
      if (v instanceof Map<?, ?> map && isSubqueryResult(map)) {
        return QueryPage.fromJson(cast(map), relationship);
      }
      throw wrongType(relationship, v, "child subquery result");
    });
  }

  /** The child records of a subquery in this page (empty when there are none). */
  public List<SObjectRecord> getChildRecords(String relationship) {
    return getChildren(relationship).map(QueryPage::records).orElse(List.of());
  }

  /**
   * Every populated field as plain values, in Salesforce's order: no {@code attributes}, no nulls;
   * parents become nested maps and child subqueries lists of maps. This is what to show a user.
   */
  public Map<String, Object> fields() {
    return plain(values);
  }

  private static Map<String, Object> plain(Map<?, ?> json) {
    Map<String, Object> out = new LinkedHashMap<>();
    json.forEach((k, v) -> {
      if (v != null && !"attributes".equals(k)) {
        out.put(String.valueOf(k), plainValue(v));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  private static Object plainValue(Object v) {
    if (v instanceof Map<?, ?> map) {
      if (isSubqueryResult(map)) {
        List<Object> children = new ArrayList<>();
        if (map.get("records") instanceof List<?> records) {
          records.forEach(r -> children.add(plainValue(r)));
        }
        return Collections.unmodifiableList(children);
      }
      return plain(map);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(item == null ? null : plainValue(item)));
      return Collections.unmodifiableList(out);
    }
    return v;
  }

  private Object walk(String path) {
    Object current = values;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  static boolean isSubqueryResult(Map<?, ?> map) {
    return map.containsKey("records") && map.containsKey("totalSize") && map.containsKey("done");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> map) {
    return (Map<String, ?>) map;
  }

  private static OffsetDateTime parseDateTime(String s) {
    return OffsetDateTime.parse(s, DATE_TIME);
  }

  private IllegalStateException wrongType(String field, Object value, String wanted) {
    String shown = String.valueOf(value);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "…";
    }
    return new IllegalStateException(
        type + "." + field + " holds '" + shown + "', which is not a " + wanted
            + ": read it with the getter matching the field's type (see describe())");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SObjectRecord other && other.type.equals(type) && other.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, values);
  }

  @Override
  public String toString() {
    return type + fields();
  }
}
