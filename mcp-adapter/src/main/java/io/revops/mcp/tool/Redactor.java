package io.revops.mcp.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last line of defence for credentials: replaces every occurrence of the configured secrets with
 * {@code ***} in anything the server returns. The SDKs already keep tokens out of their messages and
 * plans; this makes sure a future slip cannot reach the model.
 */
public final class Redactor {
  private static final int SHORTEST_SECRET = 8;

  private final List<String> secrets;

  /** Redacts these values; blank and very short values are ignored (they would mangle ordinary text). */
  public Redactor(Collection<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && s.strip().length() >= SHORTEST_SECRET)
        .distinct().toList();
  }

  /** The text with every secret replaced. */
  public String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "***");
    }
    return result;
  }

  /** A copy of a JSON value with every string redacted. */
  public Object redactJson(Object value) {
    if (secrets.isEmpty()) {
      return value;
    }
    if (value instanceof String text) {
      return redact(text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(redact(String.valueOf(k)), redactJson(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(redactJson(item)));
      return copy;
    }
    return value;
  }
}
