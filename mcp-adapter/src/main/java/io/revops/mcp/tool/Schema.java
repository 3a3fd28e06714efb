package io.revops.mcp.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON Schema (2020-12) written in Java, so that every tool's input and output schema is built the
 * same way: every property carries a description, object schemas for inputs are closed
 * ({@code additionalProperties: false}) unless {@link #openProperties} says otherwise, and the result
 * is an immutable map ready for {@code tools/list}.
 *
 * <p>Instances are mutable builders; {@link #toMap()} takes an immutable snapshot.
 */
public final class Schema {
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Schema> properties = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();
  private Schema items;
  private Object additionalProperties;

  private Schema(String type, String description) {
    fields.put("type", type);
    if (description != null) {
      fields.put("description", description);
    }
  }

  /** A string property. */
  public static Schema string(String description) {
    return new Schema("string", requireDescription(description));
  }

  /** A whole-number property. */
  public static Schema integer(String description) {
    return new Schema("integer", requireDescription(description));
  }

  /** A number property (decimals allowed). */
  public static Schema number(String description) {
    return new Schema("number", requireDescription(description));
  }

  /** A boolean property. */
  public static Schema bool(String description) {
    return new Schema("boolean", requireDescription(description));
  }

  /** An array property whose items follow {@code items}. */
  public static Schema array(String description, Schema items) {
    Schema schema = new Schema("array", requireDescription(description));
    schema.items = Objects.requireNonNull(items, "items");
    return schema;
  }

  /** A closed object ({@code additionalProperties: false}); {@code description} may be null at top level. */
  public static Schema object(String description) {
    Schema schema = new Schema("object", description);
    schema.additionalProperties = Boolean.FALSE;
    return schema;
  }

  /** Adds a property that callers must give. */
  public Schema required(String name, Schema property) {
    property(name, property);
    required.add(name);
    return this;
  }

  /** Adds a property that callers may leave out. */
  public Schema optional(String name, Schema property) {
    return property(name, property);
  }

  private Schema property(String name, Schema property) {
    requireType("object");
    if (properties.putIfAbsent(name, Objects.requireNonNull(property, "property")) != null) {
      throw new IllegalArgumentException("property " + name + " is defined twice");
    }
    return this;
  }

  /**
   * An open object, for outputs: it may carry properties beyond those declared, so a field added to
   * a result later never makes the SDK's output validation fail.
   */
  public static Schema result(String description) {
    return new Schema("object", description);
  }

  /** Further properties must follow {@code schema} (a map of name to value, such as record fields). */
  public Schema additionalProperties(Schema schema) {
    requireType("object");
    additionalProperties = Objects.requireNonNull(schema, "schema");
    return this;
  }

  /** A regular expression the string must match (ECMA 262 syntax, anchored by the caller). */
  public Schema pattern(String regex) {
    requireType("string");
    fields.put("pattern", regex);
    return this;
  }

  /** A format such as {@code date} or {@code date-time}. */
  public Schema format(String format) {
    requireType("string");
    fields.put("format", format);
    return this;
  }

  /** The only values allowed. */
  public Schema enumOf(String... values) {
    requireType("string");
    fields.put("enum", List.of(values));
    return this;
  }

  /** The string's length bounds. */
  public Schema length(int min, int max) {
    requireType("string");
    fields.put("minLength", min);
    fields.put("maxLength", max);
    return this;
  }

  /** The number's inclusive bounds. */
  public Schema range(long min, long max) {
    requireNumeric();
    fields.put("minimum", min);
    fields.put("maximum", max);
    return this;
  }

  /** The number's inclusive lower bound. */
  public Schema minimum(long min) {
    requireNumeric();
    fields.put("minimum", min);
    return this;
  }

  /** The array's size bounds. */
  public Schema size(int min, int max) {
    requireType("array");
    fields.put("minItems", min);
    fields.put("maxItems", max);
    return this;
  }

  /** The value used when the property is left out (documentation for clients; the handler applies it). */
  public Schema defaultValue(Object value) {
    fields.put("default", Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Example values shown to clients. */
  public Schema examples(Object... values) {
    fields.put("examples", List.of(values));
    return this;
  }

  /** The JSON type name, such as {@code object}. */
  public String type() {
    return (String) fields.get("type");
  }

  /** The description, or null for a top-level object that has none. */
  public String description() {
    return (String) fields.get("description");
  }

  /** The properties of an object schema, in declaration order. */
  public Map<String, Schema> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** The names of the required properties. */
  public List<String> requiredNames() {
    return List.copyOf(required);
  }

  /** The item schema of an array, or null. */
  public Schema items() {
    return items;
  }

  /** An immutable map in JSON Schema's vocabulary. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(fields);
    if (type().equals("object")) {
      Map<String, Object> props = new LinkedHashMap<>();
      properties.forEach((name, schema) -> props.put(name, schema.toMap()));
      map.put("properties", Collections.unmodifiableMap(props));
      if (!required.isEmpty()) {
        map.put("required", List.copyOf(required));
      }
      if (additionalProperties instanceof Schema schema) {
        map.put("additionalProperties", schema.toMap());
      } else if (additionalProperties != null) {
        map.put("additionalProperties", additionalProperties);
      }
    }
    if (items != null) {
      map.put("items", items.toMap());
    }
    return Collections.unmodifiableMap(map);
  }

  private void requireType(String wanted) {
    if (!type().equals(wanted)) {
      throw new IllegalStateException("only " + wanted + " schemas have this keyword, not " + type());
    }
  }

  private void requireNumeric() {
    if (!Arrays.asList("integer", "number").contains(type())) {
      throw new IllegalStateException("only numeric schemas have bounds, not " + type());
    }
  }

  private static String requireDescription(String description) {
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("every property needs a description");
    }
    return description;
  }
}
