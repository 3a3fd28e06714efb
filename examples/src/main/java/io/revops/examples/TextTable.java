package io.revops.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header, a rule, rows, and an optional footer row under a second rule. */
final class TextTable {
  private final List<String> headers = new ArrayList<>();
  private final List<Boolean> rightAligned = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();
  private List<String> footer;

  /** Adds a left-aligned column (text). */
  TextTable left(String header) {
    return column(header, false);
  }

  /** Adds a right-aligned column (numbers). */
  TextTable right(String header) {
    return column(header, true);
  }

  /** Adds a row of one cell per column. */
  TextTable row(String... cells) {
    rows.add(checked(cells));
    return this;
  }

  /** Sets the row printed last, under a rule (totals). */
  TextTable footer(String... cells) {
    footer = checked(cells);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    List<List<String>> all = new ArrayList<>(rows);
    all.add(headers);
    if (footer != null) {
      all.add(footer);
    }
    all.forEach(row -> {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    });
    printRow(out, headers, widths);
    printRule(out, widths);
    rows.forEach(row -> printRow(out, row, widths));
    if (footer != null) {
      printRule(out, widths);
      printRow(out, footer, widths);
    }
  }

  private TextTable column(String header, boolean right) {
    headers.add(header);
    rightAligned.add(right);
    return this;
  }

  private List<String> checked(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalStateException("a row needs " + headers.size() + " cells, got " + cells.length);
    }
    return List.of(cells);
  }

  private void printRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String format = rightAligned.get(i) ? "%" + widths[i] + "s" : "%-" + widths[i] + "s";
      line.append(i == 0 ? "" : "  ").append(String.format(format, cells.get(i)));
    }
    out.println(line.toString().stripTrailing());
  }

  private static void printRule(PrintWriter out, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      line.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
    }
    out.println(line);
  }
}
