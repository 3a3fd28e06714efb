package io.revops.mcp.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher answering by method and path (and optionally a predicate on the request,
 * such as the SOQL of a query). Routes added later win, so a test overrides a default by adding its
 * own. Unknown requests get a 599 so that a test sees them in its failures.
 */
public final class Routes extends Dispatcher {
  private record Route(String method, String path, Predicate<RecordedRequest> when,
      Function<RecordedRequest, MockResponse> answer) {
  }

  private final List<Route> routes = new ArrayList<>();

  /** Answers {@code method path} with {@code answer}. */
  public synchronized Routes on(String method, String path, MockResponse answer) {
    return on(method, path, request -> true, request -> answer);
  }

  /** Answers {@code method path} when {@code when} holds. */
  public synchronized Routes on(String method, String path, Predicate<RecordedRequest> when,
      Function<RecordedRequest, MockResponse> answer) {
    routes.add(0, new Route(method, path, when, answer));
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    List<Route> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(routes);
    }
    for (Route route : snapshot) {
      if (route.method().equals(request.getMethod()) && route.path().equals(request.getUrl().encodedPath())
          && route.when().test(request)) {
        return route.answer().apply(request);
      }
    }
    return json(599, "{\"message\":\"no fake route for " + request.getMethod() + " " + request.getUrl().encodedPath()
        + "\"}");
  }

  /** A JSON answer. */
  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** Writes single-quoted JSON more readably in Java: {@code 'a'} becomes {@code "a"}. */
  public static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
