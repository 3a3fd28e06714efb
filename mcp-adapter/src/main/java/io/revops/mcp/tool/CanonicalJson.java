package io.revops.mcp.tool;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical JSON text of plain values (keys sorted, no whitespace, numbers in their shortest plain
 * form so that {@code 1} and {@code 1.0} agree), and its SHA-256: the call log identifies a call's
 * arguments by this hash without ever writing their values.
 */
public final class CanonicalJson {
  private CanonicalJson() {
  }

  /** The canonical JSON text of {@code value}. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  /** The hex SHA-256 of the canonical JSON text of {@code value}. */
  public static String sha256(Object value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(write(value).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Appends {@code text} as a JSON string literal. */
  public static void appendString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      appendString(out, text);
    } else if (value instanceof Boolean flag) {
      out.append(flag);
    } else if (value instanceof Number number) {
      appendNumber(out, number);
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> entry : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendString(out, entry.getKey());
        out.append(':');
        append(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        append(out, item);
      }
      out.append(']');
    } else {
      appendString(out, value.toString());
    }
  }

  private static void appendNumber(StringBuilder out, Number number) {
    if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
      out.append("null");
      return;
    }
    BigDecimal decimal = new BigDecimal(number.toString());
    out.append(decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString());
  }
}
