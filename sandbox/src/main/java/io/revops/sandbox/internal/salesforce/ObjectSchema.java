package io.revops.sandbox.internal.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One sObject's describe: fields in describe order and the child relationships pointing at it. */
public final class ObjectSchema {
  /** A child relationship: {@code Opportunity.Events} is {@code (Event, WhatId, Events)}. */
  public record ChildRelationship(String childSObject, String field, String relationshipName) {}

  private final String name;
  private final String label;
  private final String labelPlural;
  private final String keyPrefix;
  private final boolean createable;
  private final boolean updateable;
  private final Map<String, FieldSchema> fields = new LinkedHashMap<>();
  private final Map<String, FieldSchema> byRelationship = new LinkedHashMap<>();
  private final List<ChildRelationship> children = new ArrayList<>();

  ObjectSchema(String name, String label, String labelPlural, String keyPrefix, boolean createable,
      boolean updateable, List<FieldSchema> fields) {
    this.name = Objects.requireNonNull(name, "name");
    this.label = label;
    this.labelPlural = labelPlural;
    this.keyPrefix = keyPrefix;
    this.createable = createable;
    this.updateable = updateable;
    for (FieldSchema f : fields) {
      this.fields.put(f.name().toLowerCase(Locale.ROOT), f);
      f.relationshipName().ifPresent(r -> byRelationship.put(r.toLowerCase(Locale.ROOT), f));
    }
  }

  void addChild(ChildRelationship child) {
    children.add(child);
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public String labelPlural() {
    return labelPlural;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public boolean createable() {
    return createable;
  }

  public boolean updateable() {
    return updateable;
  }

  public boolean custom() {
    return name.endsWith("__c");
  }

  /** Fields in describe order. */
  public List<FieldSchema> fields() {
    return List.copyOf(fields.values());
  }

  /** The field named {@code name}, compared case-insensitively as Salesforce does. */
  public Optional<FieldSchema> field(String name) {
    return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The reference field whose relationship is {@code relationshipName} ({@code Account} for {@code AccountId}). */
  public Optional<FieldSchema> relationship(String relationshipName) {
    return Optional.ofNullable(byRelationship.get(relationshipName.toLowerCase(Locale.ROOT)));
  }

  public List<ChildRelationship> childRelationships() {
    return List.copyOf(children);
  }

  public Optional<ChildRelationship> childRelationship(String relationshipName) {
    return children.stream().filter(c -> c.relationshipName().equalsIgnoreCase(relationshipName)).findFirst();
  }
}
