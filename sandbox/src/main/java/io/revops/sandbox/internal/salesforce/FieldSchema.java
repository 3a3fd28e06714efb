package io.revops.sandbox.internal.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of an object as describe reports it, plus what the emulator needs to validate writes and
 * queries. Made with {@link #builder}.
 */
public record FieldSchema(
    String name,
    String label,
    FieldType type,
    int length,
    boolean createable,
    boolean updateable,
    boolean nillable,
    boolean calculated,
    boolean filterable,
    boolean sortable,
    boolean groupable,
    boolean custom,
    List<String> referenceTo,
    Optional<String> relationshipName,
    List<String> picklistValues,
    boolean restrictedPicklist,
    Optional<String> defaultPicklistValue) {

  public FieldSchema {
    Objects.requireNonNull(name, "name");
    referenceTo = List.copyOf(referenceTo);
    picklistValues = List.copyOf(picklistValues);
  }

  /** Whether a value must be given on create (not nillable, not defaulted, createable). */
  public boolean requiredOnCreate() {
    return createable && !nillable && type != FieldType.BOOLEAN && defaultPicklistValue.isEmpty();
  }

  /** Whether a reference may point to several object types (e.g. {@code WhatId}). */
  public boolean polymorphic() {
    return referenceTo.size() > 1;
  }

  public static Builder builder(String name, String label, FieldType type) {
    return new Builder(name, label, type);
  }

  /** Builds {@link FieldSchema}s; defaults: readable only, nillable, type-dependent filter/sort/group. */
  public static final class Builder {
    private final String name;
    private final String label;
    private final FieldType type;
    private int length;
    private boolean createable;
    private boolean updateable;
    private boolean nillable = true;
    private boolean calculated;
    private boolean filterable;
    private boolean sortable;
    private boolean groupable;
    private List<String> referenceTo = List.of();
    private String relationshipName;
    private List<String> picklist = List.of();
    private boolean restricted;
    private String defaultPicklistValue;

    private Builder(String name, String label, FieldType type) {
      this.name = name;
      this.label = label;
      this.type = type;
      this.filterable = type.filterableByDefault();
      this.sortable = type.sortableByDefault();
      this.groupable = type.groupableByDefault();
      this.length = switch (type) {
        case ID, REFERENCE -> 18;
        case STRING, EMAIL, URL, PICKLIST -> 255;
        case PHONE -> 40;
        case TEXTAREA -> 32000;
        default -> 0;
      };
    }

    public Builder length(int length) {
      this.length = length;
      return this;
    }

    /** Createable and updateable. */
    public Builder writable() {
      this.createable = true;
      this.updateable = true;
      return this;
    }

    public Builder createOnly() {
      this.createable = true;
      this.updateable = false;
      return this;
    }

    /** Not nillable: a value is required on create and null is refused on update. */
    public Builder required() {
      this.nillable = false;
      return this;
    }

    /** A formula or system-computed field: read-only. */
    public Builder calculated() {
      this.calculated = true;
      return this;
    }

    public Builder notFilterable() {
      this.filterable = false;
      this.sortable = false;
      this.groupable = false;
      return this;
    }

    public Builder reference(String relationshipName, String... referenceTo) {
      this.relationshipName = relationshipName;
      this.referenceTo = List.of(referenceTo);
      return this;
    }

    public Builder picklist(List<String> values, boolean restricted) {
      this.picklist = List.copyOf(values);
      this.restricted = restricted;
      return this;
    }

    public Builder defaultValue(String picklistValue) {
      this.defaultPicklistValue = picklistValue;
      return this;
    }

    public FieldSchema build() {
      return new FieldSchema(name, label, type, length, createable, updateable, nillable || type == FieldType.BOOLEAN,
          calculated, filterable, sortable, groupable, name.endsWith("__c"), referenceTo,
          Optional.ofNullable(relationshipName), picklist, restricted, Optional.ofNullable(defaultPicklistValue));
    }
  }
}
