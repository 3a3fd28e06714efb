package io.revops.sandbox.internal.soql;

import io.revops.sandbox.internal.salesforce.FieldSchema;
import io.revops.sandbox.internal.salesforce.FieldType;
import io.revops.sandbox.internal.salesforce.ObjectSchema;
import io.revops.sandbox.internal.salesforce.SalesforceError;
import io.revops.sandbox.internal.salesforce.Schema;
import io.revops.sandbox.internal.salesforce.Store;
import io.revops.sandbox.internal.salesforce.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A field reached from a record, possibly through parent relationships: {@code Account.Owner.Name}.
 * A polymorphic relationship ({@code What}, {@code Who}, {@code LinkedEntity}) ends in Salesforce's
 * {@code Name} pseudo-object, which offers {@code Id}, {@code Name} and {@code Type}.
 */
final class Path {
  private static final FieldSchema NAME_ID = FieldSchema.builder("Id", "Id", FieldType.ID).build();
  private static final FieldSchema NAME_NAME = FieldSchema.builder("Name", "Name", FieldType.STRING).build();
  private static final FieldSchema NAME_TYPE = FieldSchema.builder("Type", "Type", FieldType.STRING).build();

  private final List<FieldSchema> hops;
  private final FieldSchema field;
  private final String canonical;

  private Path(List<FieldSchema> hops, FieldSchema field) {
    this.hops = List.copyOf(hops);
    this.field = field;
    List<String> names = new ArrayList<>();
    hops.forEach(h -> names.add(h.relationshipName().orElseThrow()));
    names.add(field.name());
    this.canonical = String.join(".", names);
  }

  /**
   * Resolves {@code segments} from {@code root}; a leading {@code alias} segment is dropped. Throws the
   * INVALID_FIELD error Salesforce gives for an unknown field or relationship.
   */
  static Path resolve(Schema schema, ObjectSchema root, Optional<String> alias, List<String> segments) {
    List<String> rest = segments;
    if (rest.size() > 1 && alias.isPresent() && rest.get(0).equalsIgnoreCase(alias.get())) {
      rest = rest.subList(1, rest.size());
    }
    if (rest.size() > 6) {
      throw SalesforceError.invalidField("A field path may traverse at most 5 relationships: "
          + String.join(".", segments));
    }
    ObjectSchema current = root;
    List<FieldSchema> hops = new ArrayList<>();
    for (int i = 0; i < rest.size() - 1; i++) {
      String name = rest.get(i);
      FieldSchema hop = current.relationship(name).orElseThrow(() -> unknownRelationship(name));
      hops.add(hop);
      if (hop.polymorphic()) {
        if (i != rest.size() - 2) {
          throw unknownRelationship(rest.get(i + 1));
        }
        return new Path(hops, nameField(rest.get(i + 1)));
      }
      current = schema.object(hop.referenceTo().get(0)).orElseThrow();
    }
    String last = rest.get(rest.size() - 1);
    ObjectSchema owner = current;
    return new Path(hops, owner.field(last).orElseThrow(() -> SalesforceError.noSuchColumn(last, owner.name())));
  }

  private static FieldSchema nameField(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "id" -> NAME_ID;
      case "name" -> NAME_NAME;
      case "type" -> NAME_TYPE;
      default -> throw SalesforceError.noSuchColumn(name, "Name");
    };
  }

  private static SalesforceError unknownRelationship(String name) {
    return SalesforceError.invalidField("Didn't understand relationship '" + name + "' in field path. If you are"
        + " attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name."
        + " Please reference your WSDL or the describe call for the appropriate names.");
  }

  FieldSchema field() {
    return field;
  }

  boolean hasHops() {
    return !hops.isEmpty();
  }

  /** The path with canonical spelling, e.g. {@code Account.Name}. */
  String canonical() {
    return canonical;
  }

  /** The key identifying the path for GROUP BY matching and duplicate detection. */
  String key() {
    return canonical.toLowerCase(Locale.ROOT);
  }

  private boolean polymorphicTail() {
    return !hops.isEmpty() && hops.get(hops.size() - 1).polymorphic();
  }

  /** The held value at the end of the path, or null when a relationship on the way is empty. */
  Object value(Map<String, Object> row, Store store) {
    Map<String, Object> current = row;
    ObjectSchema type = null;
    for (FieldSchema hop : hops) {
      Object id = current.get(hop.name());
      if (id == null) {
        return null;
      }
      Optional<Map<String, Object>> next = store.find(hop.referenceTo(), (String) id);
      if (next.isEmpty()) {
        return null;
      }
      type = store.typeOf(hop.referenceTo(), (String) id).orElseThrow();
      current = next.get();
    }
    if (polymorphicTail() && field == NAME_TYPE) {
      return type.name();
    }
    return current.get(field.name());
  }

  /**
   * Writes the value into a result record the way the REST API nests it: {@code {"Account":
   * {"attributes": ..., "Name": "Acme"}}}, or {@code "Account": null} when the relationship is empty.
   */
  void renderInto(Map<String, Object> out, Map<String, Object> row, String rootType, Store store, String apiVersion) {
    Map<String, Object> target = out;
    Map<String, Object> current = row;
    String typeName = rootType;
    for (FieldSchema hop : hops) {
      String relationship = hop.relationshipName().orElseThrow();
      Object id = current.get(hop.name());
      Optional<Map<String, Object>> next = id == null ? Optional.empty() : store.find(hop.referenceTo(), (String) id);
      if (next.isEmpty()) {
        target.putIfAbsent(relationship, null);
        return;
      }
      typeName = store.typeOf(hop.referenceTo(), (String) id).orElseThrow().name();
      current = next.get();
      Object nested = target.get(relationship);
      if (!(nested instanceof Map<?, ?>)) {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("attributes", attributes(typeName, (String) id, apiVersion));
        target.put(relationship, created);
        nested = created;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) nested;
      target = typed;
    }
    Object value = polymorphicTail() && field == NAME_TYPE ? typeName : current.get(field.name());
    if (field.type() == FieldType.BASE64 && value != null) {
      // The REST API answers a blob field with the URL of the blob, not its content.
      value = "/services/data/" + apiVersion + "/sobjects/" + typeName + "/" + current.get("Id") + "/" + field.name();
      target.put(field.name(), value);
      return;
    }
    target.put(field.name(), Values.toJson(field.type(), value));
  }

  /** A record's {@code attributes}: {@code {"type": ..., "url": ...}}. */
  static Map<String, Object> attributes(String type, String id, String apiVersion) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("type", type);
    attributes.put("url", "/services/data/" + apiVersion + "/sobjects/" + type + "/" + id);
    return attributes;
  }
}
