package io.revops.sandbox.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the emulated services see it: method, decoded path, query parameters (repeated
 * ones kept in order), headers with lower-case names, and the body text.
 */
public record Request(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
    String body) {

  public Request {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** Splits and decodes a raw query string such as {@code q=SELECT%20Id&x=1}. */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The first value of query parameter {@code name}. */
  public Optional<String> param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of query parameter {@code name}. */
  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** The first value of header {@code name} (any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
