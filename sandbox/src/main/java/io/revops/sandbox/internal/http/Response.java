package io.revops.sandbox.internal.http;

import io.revops.sandbox.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An HTTP answer: status, headers, and a body (absent for 204). */
public record Response(int status, Map<String, String> headers, Optional<String> body, String contentType) {

  public Response {
    headers = Map.copyOf(headers);
  }

  /** A JSON answer. */
  public static Response json(int status, Object body) {
    return new Response(status, Map.of(), Optional.of(Json.write(body)), "application/json;charset=UTF-8");
  }

  /** A text answer, e.g. CSV. */
  public static Response text(int status, String body, String contentType) {
    return new Response(status, Map.of(), Optional.of(body), contentType);
  }

  /** An answer without a body. */
  public static Response empty(int status) {
    return new Response(status, Map.of(), Optional.empty(), "");
  }

  /** This answer with one more header. */
  public Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, more, body, contentType);
  }
}
