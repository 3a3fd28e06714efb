package io.revops.clari.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tolerant JSON reading and writing over Moshi's untyped values (Map, List, String, Double, Boolean). */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {
  }

  /** Parses any JSON value; throws IOException on malformed JSON. */
  public static Object parse(String json) throws IOException {
    return ADAPTER.lenient().fromJson(json);
  }

  /** Serialises maps, lists and scalars. */
  public static String write(Object value) {
    return ADAPTER.serializeNulls().toJson(value);
  }

  /** The value as an object map, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  /** {@code map[key]} as a list of objects (non-objects skipped), or empty. */
  public static List<Map<String, Object>> objects(Map<String, Object> map, String key) {
    return objects(map.get(key));
  }

  /** A list value as a list of objects (non-objects skipped), or empty. */
  public static List<Map<String, Object>> objects(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map) {
          out.add(object(item));
        }
      }
    }
    return out;
  }

  /** {@code map[key]} as a string (numbers without a trailing .0), or empty when absent/null. */
  public static Optional<String> string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Double d) {
      return Optional.of(new BigDecimal(d.toString()).stripTrailingZeros().toPlainString());
    }
    return value instanceof String || value instanceof Boolean ? Optional.of(value.toString()) : Optional.empty();
  }

  /** {@code map[key]} as a string, or {@code fallback}. */
  public static String string(Map<String, Object> map, String key, String fallback) {
    return string(map, key).orElse(fallback);
  }

  /** {@code map[key]} as a list of strings. */
  public static List<String> strings(Map<String, Object> map, String key) {
    List<String> out = new ArrayList<>();
    if (map.get(key) instanceof List<?> list) {
      for (Object item : list) {
        if (item != null) {
          out.add(item instanceof Double ? string(Map.of("v", item), "v").orElseThrow() : item.toString());
        }
      }
    }
    return out;
  }

  /** {@code map[key]} as a number (numeric strings accepted), or empty. */
  public static Optional<Double> number(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value instanceof Double d) {
      return Optional.of(d);
    }
    if (value instanceof String s) {
      try {
        return Optional.of(Double.parseDouble(s.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@code map[key]} as an int, or {@code fallback}. */
  public static int integer(Map<String, Object> map, String key, int fallback) {
    return number(map, key).map(Double::intValue).orElse(fallback);
  }

  /** {@code map[key]} as a boolean (also "true"/"false"/"yes"), or false. */
  public static boolean bool(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    return value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes"));
  }

  /** {@code map[key]} as epoch milliseconds or an ISO-8601 instant, or empty. */
  public static Optional<Instant> instant(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value instanceof Double d) {
      return Optional.of(Instant.ofEpochMilli(d.longValue()));
    }
    if (value instanceof String s) {
      try {
        return Optional.of(Instant.parse(s));
      } catch (RuntimeException e) {
        return number(map, key).map(n -> Instant.ofEpochMilli(n.longValue()));
      }
    }
    return Optional.empty();
  }

  /** A copy of {@code map} without null values (for immutable public maps). */
  public static Map<String, Object> withoutNulls(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }
}
