package io.revops.core.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders Clari's loosely typed JSON values (String, Double, Boolean, List, Map) as short text. */
final class JsonValues {
  private static final int MAX_LENGTH = 200;

  private JsonValues() {
  }

  /** Short text for a value; empty for null, blank text and empty lists or objects. */
  static Optional<String> render(Object value) {
    String text = text(value);
    if (text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text);
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Map<?, ?> map) {
      return map.isEmpty() ? "" : map.entrySet().stream()
          .map(e -> e.getKey() + ": " + text(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "" : list.stream().map(JsonValues::text).collect(Collectors.joining(", ", "[", "]"));
    }
    return value.toString().trim();
  }
}
