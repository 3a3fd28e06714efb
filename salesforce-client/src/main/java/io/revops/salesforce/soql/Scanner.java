package io.revops.salesforce.soql;

import io.revops.salesforce.soql.Token.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Turns SOQL text into tokens on demand, one {@link #next()} at a time, so that an error late in the
 * text never hides a clearer one earlier (a query starting with {@code FIND} is reported as SOSL, not
 * as a stray brace). Everything outside string literals must be printable ASCII.
 */
final class Scanner {
  private final String source;
  private int current;

  Scanner(String source) {
    this.source = source;
  }

  Token next() {
    skipWhitespace();
    if (current >= source.length()) {
      return new Token(Type.EOF, "", source.length(), source.length(), null);
    }
    int start = current;
    char c = source.charAt(current);
    if (isLetter(c)) {
      return identifier(start);
    }
    if (isDigit(c) || (c == '.' && isDigit(peekAt(current + 1)))) {
      return number(start);
    }
    if (c == '\'') {
      return string(start);
    }
    return punctuation(start, c);
  }

  private void skipWhitespace() {
    while (current < source.length()) {
      char c = source.charAt(current);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      current++;
    }
  }

  private Token identifier(int start) {
    while (current < source.length() && isIdentifierPart(source.charAt(current))) {
      current++;
    }
    if (isCurrencyAmount(start, current) && peekAt(current) == '.' && isDigit(peekAt(current + 1))) {
      current++;
      skipDigits();
    }
    return token(Type.IDENT, start, null);
  }

  /** An ISO currency code glued to a whole amount ({@code EUR100}), which may go on with decimals. */
  private boolean isCurrencyAmount(int start, int end) {
    if (end - start < 4) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = source.charAt(i);
      if (i - start < 3 ? !isLetter(c) : !isDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private Token number(int start) {
    int digits = skipDigits();
    if (digits == 4 && peekAt(current) == '-' && isDigit(peekAt(current + 1))) {
      return date(start);
    }
    boolean decimal = false;
    if (peekAt(current) == '.' && isDigit(peekAt(current + 1))) {
      current++;
      skipDigits();
      decimal = true;
    }
    rejectGlued(start, "number");
    String text = source.substring(start, current);
    return token(decimal ? Type.DECIMAL : Type.INTEGER, start, new BigDecimal(text));
  }

  private Token date(int start) {
    current++; // '-'
    expectDigits(start, 2, "date");
    expectChar(start, '-', "date");
    expectDigits(start, 2, "date");
    LocalDate date = parseDate(start);
    char t = peekAt(current);
    if (t != 'T' && t != 't') {
      rejectGlued(start, "date");
      return token(Type.DATE, start, date);
    }
    current++;
    int timeStart = current;
    expectDigits(start, 2, "datetime");
    expectChar(start, ':', "datetime");
    expectDigits(start, 2, "datetime");
    expectChar(start, ':', "datetime");
    expectDigits(start, 2, "datetime");
    if (peekAt(current) == '.') {
      current++;
      if (skipDigits() == 0) {
        throw malformed(start, "datetime");
      }
    }
    String time = source.substring(timeStart, current);
    ZoneOffset offset = zoneOffset(start);
    rejectGlued(start, "datetime");
    try {
      OffsetDateTime value = OffsetDateTime.of(date, LocalTime.parse(time), offset);
      return token(Type.DATETIME, start, value);
    } catch (DateTimeException e) {
      throw new SoqlRejectedException(
          "'" + source.substring(start, current) + "' is not a valid datetime", start);
    }
  }

  private LocalDate parseDate(int start) {
    try {
      return LocalDate.parse(source.substring(start, current));
    } catch (DateTimeException e) {
      throw new SoqlRejectedException(
          "'" + source.substring(start, current) + "' is not a valid date (write YYYY-MM-DD)", start);
    }
  }

  private ZoneOffset zoneOffset(int start) {
    char z = peekAt(current);
    if (z == 'Z' || z == 'z') {
      current++;
      return ZoneOffset.UTC;
    }
    if (z != '+' && z != '-') {
      throw new SoqlRejectedException(
          "datetime '" + source.substring(start, current)
              + "' needs a time zone: end it with Z or an offset such as +05:30",
          start);
    }
    int offsetStart = current;
    current++;
    expectDigits(start, 2, "datetime");
    match(':'); // +05:30 as written by people, +0530 as returned by the API
    expectDigits(start, 2, "datetime");
    try {
      return ZoneOffset.of(source.substring(offsetStart, current));
    } catch (DateTimeException e) {
      throw malformed(start, "datetime");
    }
  }

  private Token string(int start) {
    current++; // opening quote
    StringBuilder text = new StringBuilder();
    StringBuilder like = new StringBuilder();
    int likeEscapeAt = -1;
    while (true) {
      if (current >= source.length()) {
        throw new SoqlRejectedException(
            "string literal is not terminated: close it with a single quote", start);
      }
      char c = source.charAt(current);
      if (c == '\'') {
        current++;
        return token(Type.STRING, start, new Token.StringToken(text.toString(), like.toString(), likeEscapeAt));
      }
      if (c == '\\') {
        int escapeAt = current;
        char decoded = escape(escapeAt);
        if (decoded == '%' || decoded == '_' || decoded == '\\') {
          like.append('\\');
          if (decoded != '\\' && likeEscapeAt < 0) {
            likeEscapeAt = escapeAt;
          }
        }
        text.append(decoded);
        like.append(decoded);
        continue;
      }
      if (c < 0x20 || c == 0x7f) {
        throw new SoqlRejectedException(
            describeChar(c) + " inside a string literal is not allowed: write it as an escape such as \\n or \\t",
            current);
      }
      text.append(c);
      like.append(c);
      current++;
    }
  }

  /** Decodes the escape at {@code at} (a backslash) and moves past it. */
  private char escape(int at) {
    char e = peekAt(at + 1);
    current = at + 2;
    switch (e) {
      case 'n': case 'N': return '\n';
      case 'r': case 'R': return '\r';
      case 't': case 'T': return '\t';
      case 'b': case 'B': return '\b';
      case '"': return '"';
      case '\'': return '\'';
      case '\\': return '\\';
      case '%': return '%';
      case '_': return '_';
      case 'u': return unicodeEscape(at);
      default:
        throw new SoqlRejectedException(
            "invalid escape '\\" + (e == 0 ? "" : String.valueOf(e))
                + "' in a string literal: valid escapes are \\n \\r \\t \\b \\\" \\' \\\\ \\uXXXX"
                + " (and \\% \\_ in LIKE)",
            at);
    }
  }

  private char unicodeEscape(int at) {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(peekAt(at + 2 + i), 16);
      if (digit < 0) {
        throw new SoqlRejectedException(
            "invalid escape '\\u' in a string literal: write exactly four hex digits, as in \\u00e9", at);
      }
      value = value * 16 + digit;
    }
    current = at + 6;
    return (char) value;
  }

  private Token punctuation(int start, char c) {
    current++;
    switch (c) {
      case '(': return token(Type.LPAREN, start, null);
      case ')': return token(Type.RPAREN, start, null);
      case ',': return token(Type.COMMA, start, null);
      case '.': return token(Type.DOT, start, null);
      case ':': return token(Type.COLON, start, null);
      case '+': return token(Type.PLUS, start, null);
      case '=': return token(Type.EQ, start, null);
      case '-':
        if (match('-')) {
          throw comment(start);
        }
        return token(Type.MINUS, start, null);
      case '<':
        if (match('=')) {
          return token(Type.LE, start, null);
        }
        return match('>') ? token(Type.NE, start, null) : token(Type.LT, start, null);
      case '>':
        return match('=') ? token(Type.GE, start, null) : token(Type.GT, start, null);
      case '!':
        if (match('=')) {
          return token(Type.NE, start, null);
        }
        break;
      case '/':
        if (peekAt(current) == '/' || peekAt(current) == '*') {
          throw comment(start);
        }
        break;
      case ';':
        throw new SoqlRejectedException(
            "';' is not allowed: send exactly one SELECT statement, without a semicolon", start);
      case '"':
        throw new SoqlRejectedException(
            "double quotes are not allowed: SOQL string literals use single quotes, as in 'Acme'", start);
      default:
        break;
    }
    throw new SoqlRejectedException(
        describeChar(c) + " is not allowed outside a string literal", start);
  }

  private SoqlRejectedException comment(int start) {
    return new SoqlRejectedException(
        "comment '" + source.substring(start, Math.min(source.length(), start + 2))
            + "' is not allowed: SOQL has no comments; remove it",
        start);
  }

  private static String describeChar(char c) {
    if (c >= 0x21 && c < 0x7f) {
      return "character '" + c + "'";
    }
    return String.format("character U+%04X", (int) c);
  }

  private boolean match(char expected) {
    if (peekAt(current) == expected) {
      current++;
      return true;
    }
    return false;
  }

  private int skipDigits() {
    int count = 0;
    while (isDigit(peekAt(current))) {
      current++;
      count++;
    }
    return count;
  }

  private void expectDigits(int start, int count, String what) {
    for (int i = 0; i < count; i++) {
      if (!isDigit(peekAt(current))) {
        throw malformed(start, what);
      }
      current++;
    }
  }

  private void expectChar(int start, char expected, String what) {
    if (peekAt(current) != expected) {
      throw malformed(start, what);
    }
    current++;
  }

  /** A letter or digit straight after a literal, as in {@code 1e5} or {@code 2026-01-01x}. */
  private void rejectGlued(int start, String what) {
    char c = peekAt(current);
    if (isIdentifierPart(c)) {
      while (isIdentifierPart(peekAt(current))) {
        current++;
      }
      throw malformed(start, what);
    }
  }

  private SoqlRejectedException malformed(int start, String what) {
    int end = current;
    while (end < source.length() && (isIdentifierPart(source.charAt(end)) || "-:.+".indexOf(source.charAt(end)) >= 0)) {
      end++;
    }
    String example = switch (what) {
      case "date" -> "2026-05-01";
      case "datetime" -> "2026-05-01T00:00:00Z";
      default -> "42 or 3.14";
    };
    return new SoqlRejectedException(
        "malformed " + what + " '" + source.substring(start, Math.max(end, start + 1))
            + "': write it like " + example,
        start);
  }

  private Token token(Type type, int start, Object value) {
    return new Token(type, source.substring(start, current), start, current, value);
  }

  private char peekAt(int index) {
    return index < source.length() ? source.charAt(index) : 0;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierPart(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }
}
