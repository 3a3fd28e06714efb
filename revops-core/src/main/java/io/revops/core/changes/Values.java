package io.revops.core.changes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders history and audit values (String, BigDecimal, Double, Boolean, List, Map) as short text. */
final class Values {
  private static final int MAX_LENGTH = 200;

  private Values() {
  }

  static Optional<String> render(Optional<?> value) {
    return value.flatMap(Values::render);
  }

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
      return list.isEmpty() ? "" : list.stream().map(Values::text).collect(Collectors.joining(", ", "[", "]"));
    }
    return value.toString().trim();
  }
}
