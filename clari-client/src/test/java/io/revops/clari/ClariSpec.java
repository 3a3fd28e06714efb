package io.revops.clari;

import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Read-only access to Clari's OpenAPI document (../shared/reference/clari-openapi.yml), loaded leniently. */
final class ClariSpec {
  /** The spec's server base path: {@code https://api.clari.com/{basePath}} with default v4. */
  static final String BASE_PATH = "/v4";

  private final Map<String, Object> root;

  private ClariSpec(Map<String, Object> root) {
    this.root = root;
  }

  /** Where the spec should be, from System property revops.shared.dir. */
  static Optional<Path> location() {
    String shared = System.getProperty("revops.shared.dir");
    return shared == null ? Optional.empty() : Optional.of(Path.of(shared, "reference", "clari-openapi.yml"));
  }

  static ClariSpec load(Path path) throws Exception {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return new ClariSpec(map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader)));
    }
  }

  /** The spec path template matching a concrete path (without the base path), e.g. /export/jobs/{jobId}. */
  Optional<String> template(String path) {
    for (String template : map(root.get("paths")).keySet()) {
      if (path.matches(template.replaceAll("\\{[^/}]+}", "[^/]+"))) {
        return Optional.of(template);
      }
    }
    return Optional.empty();
  }

  Optional<Map<String, Object>> operation(String template, String method) {
    Object op = map(map(root.get("paths")).get(template)).get(method.toLowerCase());
    return op == null ? Optional.empty() : Optional.of(resolve(op));
  }

  /** Query parameters of an operation: name to (resolved) schema. */
  Map<String, Map<String, Object>> queryParameters(Map<String, Object> operation) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Object raw : list(operation.get("parameters"))) {
      Map<String, Object> parameter = resolve(raw);
      Object in = parameter.get("in");
      if (in == null && parameter.containsKey("$ref")) {
        continue;
      }
      if ("query".equals(in)) {
        out.put((String) parameter.get("name"), resolve(parameter.get("schema")));
      }
    }
    return out;
  }

  /** The JSON request body's (resolved) schema. */
  Map<String, Object> bodySchema(Map<String, Object> operation) {
    return resolve(map(map(map(resolve(operation.get("requestBody")).get("content"))
        .get("application/json"))).get("schema"));
  }

  /** One parameter of an operation as declared (name, in, required, schema...), empty when absent. */
  Map<String, Object> queryParameter(Map<String, Object> operation, String name) {
    for (Object raw : list(operation.get("parameters"))) {
      Map<String, Object> parameter = resolve(raw);
      if ("query".equals(parameter.get("in")) && name.equals(parameter.get("name"))) {
        return parameter;
      }
    }
    return Map.of();
  }

  /** The JSON request body's properties: name to (resolved) schema. */
  Map<String, Map<String, Object>> bodyProperties(Map<String, Object> operation) {
    Map<String, Object> schema = bodySchema(operation);
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    map(schema.get("properties")).forEach((name, property) -> out.put(name, resolve(property)));
    return out;
  }

  /** The allowed values of a schema (its enum or its items' enum), empty when any value goes. */
  Set<String> enumValues(Map<String, Object> schema) {
    List<Object> values = list(schema.get("enum"));
    if (values.isEmpty()) {
      values = list(resolve(schema.get("items")).get("enum"));
    }
    Set<String> out = new TreeSet<>();
    values.forEach(v -> out.add(String.valueOf(v)));
    return out;
  }

  /** The response content (resolved) for an operation and status. */
  Map<String, Object> response(String template, String method, String status) {
    Map<String, Object> responses = map(operation(template, method).orElseThrow().get("responses"));
    return resolve(map(resolve(responses.get(status)).get("content")).get("application/json"));
  }

  /** The example of a response: the content's own example, else one made from its schema. */
  Object responseExample(String template, String method, String status) {
    Map<String, Object> content = response(template, method, status);
    return content.containsKey("example") ? content.get("example") : example(resolve(content.get("schema")));
  }

  /** The schema's own example, or one synthesised from its properties' examples (types get a placeholder). */
  Object example(Map<String, Object> schema) {
    Object own = schema.get("example");
    boolean fitsType = switch (String.valueOf(schema.get("type"))) {
      case "array" -> own instanceof List;
      case "object" -> own instanceof Map;
      default -> true;
    };
    if (own != null && fitsType) {
      return own;
    }
    if (schema.containsKey("oneOf")) {
      return example(resolve(list(schema.get("oneOf")).get(0)));
    }
    String type = String.valueOf(schema.get("type"));
    if ("array".equals(type)) {
      return List.of(example(resolve(schema.get("items"))));
    }
    if ("object".equals(type) || schema.containsKey("properties")) {
      Map<String, Object> out = new LinkedHashMap<>();
      map(schema.get("properties")).forEach((name, property) -> out.put(name, example(resolve(property))));
      return out;
    }
    return switch (type) {
      case "integer", "number" -> 1;
      case "boolean" -> true;
      case "string" -> schema.containsKey("enum") ? list(schema.get("enum")).get(0) : "text";
      default -> "any";
    };
  }

  /** Every alternative of a (possibly oneOf) schema. */
  List<Map<String, Object>> alternatives(Map<String, Object> schema) {
    if (!schema.containsKey("oneOf")) {
      return List.of(schema);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    list(schema.get("oneOf")).forEach(alternative -> out.add(resolve(alternative)));
    return out;
  }

  /** Follows an internal $ref (JSON pointer, percent-encoded as the notes say), recursively. */
  Map<String, Object> resolve(Object node) {
    Map<String, Object> map = map(node);
    int hops = 0;
    while (map.containsKey("$ref") && hops++ < 20) {
      String pointer = URLDecoder.decode(((String) map.get("$ref")).substring(2), StandardCharsets.UTF_8);
      Object current = root;
      for (String token : pointer.split("/")) {
        String key = token.replace("~1", "/").replace("~0", "~");
        current = current instanceof List<?> items ? items.get(Integer.parseInt(key)) : map(current).get(key);
      }
      Map<String, Object> target = new LinkedHashMap<>(map(current));
      map.forEach((k, v) -> {
        if (!k.equals("$ref")) {
          target.putIfAbsent(k, v);
        }
      });
      map = target;
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of();
  }
}
