package io.revops.salesforce;

import java.util.List;
import java.util.Objects;

/**
 * One field of an object's describe.
 *
 * @param name API name, e.g. {@code StageName}
 * @param type Salesforce field type, e.g. {@code picklist}, {@code currency}, {@code datetime}
 * @param length maximum text length (0 for non-text types)
 * @param precision for {@code double}, {@code currency} and {@code percent}: the most digits the field holds,
 *     both sides of the decimal point (a currency(16, 2) field has precision 18); 0 for other types or when
 *     the describe omits it
 * @param scale for those types: the most digits after the decimal point; 0 otherwise
 * @param digits for {@code int} (and {@code long}): the most digits the field holds; 0 for other types or
 *     when the describe omits it
 * @param referenceTo target objects of a lookup, empty otherwise
 * @param restrictedPicklist true when Salesforce refuses values outside the picklist
 *     ({@code INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST}); false for other types or when the describe omits it
 * @param picklistValues the entries of a picklist, empty otherwise
 */
public record FieldDescribe(
    String name, String label, String type, boolean updateable, boolean createable, boolean nillable,
    boolean calculated, int length, int precision, int scale, int digits, List<String> referenceTo,
    boolean restrictedPicklist, List<PicklistValue> picklistValues) {
  public FieldDescribe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    if (length < 0 || precision < 0 || scale < 0 || digits < 0) {
      throw new IllegalArgumentException("field " + name + ": length, precision, scale and digits must not be"
          + " negative (were " + length + ", " + precision + ", " + scale + ", " + digits + ")");
    }
    referenceTo = List.copyOf(referenceTo);
    picklistValues = List.copyOf(picklistValues);
  }

  /** True when {@code value} is one of this picklist's active API values. */
  public boolean allowsPicklistValue(String value) {
    return picklistValues.stream().anyMatch(p -> p.active() && p.value().equals(value));
  }
}
