package io.revops.salesforce.soql;

/**
 * One lexical token. {@code start}/{@code end} are character offsets into the query ({@code end}
 * exclusive). {@code value} holds the decoded value of literals: a {@link StringToken} for strings, a
 * {@code java.math.BigDecimal} for numbers, {@code LocalDate}/{@code OffsetDateTime} for dates.
 */
record Token(Type type, String text, int start, int end, Object value) {

  enum Type {
    IDENT,
    INTEGER,
    DECIMAL,
    STRING,
    DATE,
    DATETIME,
    LPAREN,
    RPAREN,
    COMMA,
    DOT,
    COLON,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    EOF
  }

  /**
   * A string literal decoded two ways: {@code text} for ordinary comparisons and {@code likePattern}
   * (with {@code \%}, {@code \_} and {@code \\} kept escaped) for LIKE. {@code likeEscapeAt} is the
   * offset of the first {@code \%} or {@code \_}, or -1: those escapes are only valid in LIKE.
   */
  record StringToken(String text, String likePattern, int likeEscapeAt) {}

  boolean is(Type t) {
    return type == t;
  }

  /** Whether this is an identifier spelled {@code keyword}, ignoring case. */
  boolean isKeyword(String keyword) {
    return type == Type.IDENT && text.equalsIgnoreCase(keyword);
  }

  /** How the token reads in an error message. */
  String describe() {
    return switch (type) {
      case EOF -> "the end of the query";
      case STRING -> text;
      default -> "'" + text + "'";
    };
  }
}
