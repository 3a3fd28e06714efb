package io.revops.salesforce;

import java.util.Objects;

/**
 * One picklist entry from a describe.
 *
 * @param value the API value to send (e.g. {@code V})
 * @param label what users see (e.g. {@code Viewer})
 */
public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {
  public PicklistValue {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
  }
}
