package io.revops.mcp.tools;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Small helpers for the compact text renderings of tool results: numbers, Markdown tables. */
final class Text {
  private Text() {
  }

  /** {@code 1250000} as {@code 1,250,000}; fractions keep two decimals; empty as an en dash. */
  static String number(Optional<? extends Number> value) {
    return value.map(Text::number).orElse("–");
  }

  static String number(Number value) {
    BigDecimal decimal = new BigDecimal(value.toString());
    return decimal.stripTrailingZeros().scale() <= 0
        ? String.format(Locale.ROOT, "%,d", decimal.toBigInteger())
        : String.format(Locale.ROOT, "%,.2f", decimal);
  }

  /** {@code 0.625} as {@code 62.5%}. */
  static String percent(Optional<Double> ratio) {
    return ratio.map(r -> String.format(Locale.ROOT, "%.1f%%", r * 100)).orElse("–");
  }

  /** A Markdown table; cells are made single-line and their pipes escaped. */
  static String table(List<String> headers, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    row(out, headers);
    out.append('|');
    headers.forEach(h -> out.append("---|"));
    out.append('\n');
    rows.forEach(r -> row(out, r));
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell(cell)).append(" |");
    }
    out.append('\n');
  }

  static String cell(String text) {
    return text == null || text.isEmpty() ? "–" : text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
  }

  /** A value cut to {@code max} characters with an ellipsis. */
  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
