package io.revops.salesforce;

import java.util.List;
import java.util.Objects;

/**
 * One field of an object's describe.
 *
 * @param name API name, e.g. {@code StageName}
 * @param type Salesforce field type, e.g. {@code picklist}, {@code currency}, {@code datetime}
 * @param length maximum text length (0 for non-text types)
 * @param referenceTo target objects of a lookup, empty otherwise
 * @param picklistValues the entries of a picklist, empty otherwise
 */
public record FieldDescribe(
    String name, String label, String type, boolean updateable, boolean createable, boolean nillable,
    boolean calculated, int length, List<String> referenceTo, List<PicklistValue> picklistValues) {
  public FieldDescribe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    referenceTo = List.copyOf(referenceTo);
    picklistValues = List.copyOf(picklistValues);
  }

  /** True when {@code value} is one of this picklist's active API values. */
  public boolean allowsPicklistValue(String value) {
    return picklistValues.stream().anyMatch(p -> p.active() && p.value().equals(value));
  }
}
