package io.revops.core.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders loosely typed service values (history and audit values from Salesforce, Clari's JSON:
 * String, BigDecimal, Double, Boolean, List, Map) as short text for people. Not part of the public
 * API.
 */
public final class ShortText {
  private static final int MAX_LENGTH = 200;

  private ShortText() {}

  /** Short text for a value; empty for null, blank text and empty lists or objects. */
  public static Optional<String> render(Object value) {
    String text = text(value instanceof Optional<?> optional ? optional.orElse(null) : value);
    if (text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text);
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d);
    }
    if (value instanceof Map<?, ?> map) {
      return map.isEmpty() ? "" : map.entrySet().stream()
          .map(e -> e.getKey() + ": " + text(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "" : list.stream().map(ShortText::text).collect(Collectors.joining(", ", "[", "]"));
    }
    return value.toString().trim();
  }
}
