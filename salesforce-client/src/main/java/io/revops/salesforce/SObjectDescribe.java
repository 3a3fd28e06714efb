package io.revops.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The describe of one object ({@code GET /sobjects/{type}/describe}), reduced to what callers check
 * before reads and writes. Immutable and value-comparable, so it can be cached and shared freely.
 *
 * @param keyPrefix the 3-character id prefix, absent for objects without ids
 */
public record SObjectDescribe(
    String name, String label, Optional<String> keyPrefix, boolean queryable, boolean createable,
    boolean updateable, List<FieldDescribe> fields) {
  public SObjectDescribe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    fields = List.copyOf(fields);
  }

  /** The field with this API name, matched case-insensitively as Salesforce does. */
  public Optional<FieldDescribe> field(String apiName) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(apiName)).findFirst();
  }
}
