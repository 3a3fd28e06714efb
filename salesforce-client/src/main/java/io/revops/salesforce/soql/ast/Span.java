package io.revops.salesforce.soql.ast;

/**
 * A half-open range {@code [start, end)} of character offsets in the query text: {@code start} is the
 * first character of the first token, {@code end} is just past the last character of the last token.
 */
public record Span(int start, int end) {
  /** Checks that the range is well formed. */
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("span must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
    }
  }
}
