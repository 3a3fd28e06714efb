package io.revops.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one sample record, for computing expected answers in tests. Field names are the API
 * names ({@code StageName}, {@code Cleanup_Audit__c} fields end in {@code __c}), looked up
 * case-insensitively. Values are Java values: {@code String} (ids in 18-character form), {@code Boolean},
 * {@code BigDecimal} (currency, percent, double), {@code Integer}, {@code LocalDate} (date fields),
 * {@code Instant} (datetime fields). Empty fields are absent. Immutable.
 */
public final class SampleRecord {
  private final String type;
  private final Map<String, Object> fields;
  private final Map<String, String> names = new LinkedHashMap<>();

  SampleRecord(String type, Map<String, Object> row) {
    this.type = type;
    Map<String, Object> copy = new LinkedHashMap<>();
    row.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
      names.put(k.toLowerCase(Locale.ROOT), k);
    });
    this.fields = Collections.unmodifiableMap(copy);
  }

  /** The sObject type, e.g. {@code Opportunity}. */
  public String type() {
    return type;
  }

  /** The 18-character record id. */
  public String id() {
    return (String) fields.get("Id");
  }

  /** Every non-empty field by API name. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** The value of {@code field}, empty when the field is empty; throws for a field the object lacks. */
  public Optional<Object> get(String field) {
    Objects.requireNonNull(field, "field");
    String name = names.get(field.toLowerCase(Locale.ROOT));
    if (name == null) {
      throw new IllegalArgumentException(type + " has no field '" + field + "'; its fields are " + names.values());
    }
    return Optional.ofNullable(fields.get(name));
  }

  public Optional<String> getString(String field) {
    return get(field).map(v -> as(field, v, String.class));
  }

  /** A number field (currency, percent, double or int) as {@code BigDecimal}. */
  public Optional<BigDecimal> getDecimal(String field) {
    return get(field).map(v -> v instanceof Integer i ? BigDecimal.valueOf(i) : as(field, v, BigDecimal.class));
  }

  public Optional<LocalDate> getDate(String field) {
    return get(field).map(v -> as(field, v, LocalDate.class));
  }

  public Optional<Instant> getDateTime(String field) {
    return get(field).map(v -> as(field, v, Instant.class));
  }

  public Optional<Boolean> getBoolean(String field) {
    return get(field).map(v -> as(field, v, Boolean.class));
  }

  private <T> T as(String field, Object value, Class<T> kind) {
    if (!kind.isInstance(value)) {
      throw new IllegalStateException(type + "." + field + " holds a " + value.getClass().getSimpleName() + ", not a "
          + kind.getSimpleName());
    }
    return kind.cast(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampleRecord other && other.type.equals(type) && other.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, fields);
  }

  @Override
  public String toString() {
    return type + fields;
  }
}
