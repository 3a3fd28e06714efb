package io.revops.mcp.tool;

import io.revops.core.CrmObject;
import io.revops.core.config.Secret;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns core results (records, lists, maps, optionals) into the plain JSON values of a tool's
 * {@code structuredContent}: record components become {@code snake_case} keys, absent values are
 * left out (never {@code null}), dates and times become ISO-8601 strings, enums their names (a
 * {@link CrmObject} its API name, such as {@code Opportunity}), and a
 * {@link Secret} only ever {@code ***}. Map keys (such as Salesforce field names) are kept as they are.
 */
public final class Structured {
  private Structured() {
  }

  /** Converts a record (or map) into a JSON object. */
  public static Map<String, Object> of(Object value) {
    Object json = toJson(value);
    if (json instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return object;
    }
    throw new IllegalArgumentException("a tool result must be an object, not " + value.getClass().getSimpleName());
  }

  /** Converts any supported value into JSON values (maps, lists, strings, numbers, booleans); null stays null. */
  public static Object toJson(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(Structured::toJson).orElse(null);
    }
    if (value instanceof OptionalInt optional) {
      return optional.isPresent() ? optional.getAsInt() : null;
    }
    if (value instanceof OptionalLong optional) {
      return optional.isPresent() ? optional.getAsLong() : null;
    }
    if (value instanceof OptionalDouble optional) {
      return optional.isPresent() ? optional.getAsDouble() : null;
    }
    if (value instanceof Secret) {
      return "***";
    }
    if (value instanceof CrmObject object) {
      return object.apiName();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof TemporalAccessor || value instanceof Duration) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> object = new LinkedHashMap<>();
      map.forEach((key, item) -> put(object, String.valueOf(key), item));
      return Collections.unmodifiableMap(object);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      for (Object item : collection) {
        Object json = toJson(item);
        if (json != null) {
          list.add(json);
        }
      }
      return Collections.unmodifiableList(list);
    }
    if (value instanceof Record record) {
      return recordToJson(record);
    }
    return value.toString();
  }

  /** A deep, immutable, order-keeping copy of a JSON object. */
  public static Map<String, Object> immutableCopy(Map<String, Object> object) {
    return of(object);
  }

  /** {@code oppIds} becomes {@code opp_ids}; {@code URLPath} becomes {@code url_path}. */
  public static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1)) && camel.charAt(i - 1) != '_';
        boolean beforeLower = i > 0 && i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1))
            && Character.isUpperCase(camel.charAt(i - 1));
        if (afterLower || beforeLower) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, Object> recordToJson(Record record) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        component.getAccessor().setAccessible(true);
        put(object, snakeCase(component.getName()), component.getAccessor().invoke(record));
      } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
        throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "."
            + component.getName(), e);
      }
    }
    return Collections.unmodifiableMap(object);
  }

  private static void put(Map<String, Object> object, String key, Object value) {
    Object json = toJson(value);
    if (json != null) {
      object.put(key, json);
    }
  }

  private static Object number(Number number) {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    if (number instanceof Integer || number instanceof Long
        || number instanceof BigDecimal || number instanceof BigInteger) {
      return number;
    }
    return number.longValue();
  }
}
