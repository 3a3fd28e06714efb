package io.revops.core.writes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns a plain-text note into what {@code ContentNote} stores: HTML-escaped text, one {@code <p>} per
 * line (Salesforce strips newline characters from note content), base64-encoded; and a title from the
 * first non-blank line.
 */
final class NoteContent {
  static final int MAX_TITLE_LENGTH = 255;

  private NoteContent() {}

  /** The first non-blank line, stripped and cut to 255 characters. */
  static String title(String body) {
    String first = lines(body).stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    return Composite.literal(cut(first, MAX_TITLE_LENGTH));
  }

  /** The note as HTML: each line escaped and wrapped in {@code <p>}; leading and trailing blank lines dropped. */
  static String html(String body) {
    List<String> lines = lines(body);
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    StringBuilder html = new StringBuilder(body.length() + 16);
    for (String line : lines.subList(from, to)) {
      html.append("<p>").append(escape(line)).append("</p>");
    }
    return html.toString();
  }

  /** The value of {@code ContentNote.Content}: base64 of the UTF-8 HTML. */
  static String content(String body) {
    return Base64.getEncoder().encodeToString(html(body).getBytes(StandardCharsets.UTF_8));
  }

  /** Escapes the five characters HTML gives meaning to. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> lines(String body) {
    return new ArrayList<>(List.of(body.split("\r\n|\r|\n", -1)));
  }

  /** At most {@code max} characters, never splitting a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
