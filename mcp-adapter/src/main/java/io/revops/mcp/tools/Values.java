package io.revops.mcp.tools;

import io.revops.mcp.tool.Structured;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders record field values (text, numbers, nested related records) as short single-line text. */
final class Values {
  private Values() {
  }

  static String text(Object value) {
    Object json = Structured.toJson(value);
    if (json == null) {
      return "";
    }
    if (json instanceof Map<?, ?> map) {
      return map.entrySet().stream().filter(e -> !"attributes".equals(e.getKey()))
          .map(e -> e.getKey() + "=" + text(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (json instanceof List<?> list) {
      return list.stream().map(Values::text).collect(Collectors.joining(", ", "[", "]"));
    }
    if (json instanceof java.math.BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return json.toString();
  }
}
