package io.revops.examples;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback MockWebServer answering by route ({@code "GET /path"}, or {@code "GET /path?q=SOQL"} for
 * Salesforce queries) rather than by arrival order, so a test states the service's data, not the
 * program's call order. A route's answers are given in turn, the last one repeating (a polled job that
 * stays DONE). Unknown routes get 404 and are recorded as such.
 */
final class FakeServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> routes = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();

  FakeServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String route = route(request);
        requests.add(route);
        recorded.add(request);
        Deque<MockResponse> answers = routes.get(route);
        if (answers == null) {
          return json(404, "{\"message\":\"no route " + route.replace("\"", "'") + " in this test\"}");
        }
        synchronized (answers) {
          return answers.size() > 1 ? answers.poll() : answers.peek();
        }
      }
    });
    server.start();
  }

  /** Answers {@code route} with these JSON bodies (status 200), one per request, the last repeating. */
  FakeServer on(String route, String... jsonBodies) {
    for (String body : jsonBodies) {
      on(route, json(200, body));
    }
    return this;
  }

  FakeServer on(String route, MockResponse response) {
    routes.computeIfAbsent(route, r -> new ArrayDeque<>()).add(response);
    return this;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** {@code http://127.0.0.1:port} plus {@code path}, without a trailing slash when path is empty. */
  String url(String path) {
    String base = server.url("/").toString();
    return base.substring(0, base.length() - 1) + path;
  }

  /** Every route asked so far, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** Every request received so far, in order. */
  List<RecordedRequest> recorded() {
    return List.copyOf(recorded);
  }

  private static String route(RecordedRequest request) {
    String query = request.getUrl().queryParameter("q");
    return request.getMethod() + " " + request.getUrl().encodedPath() + (query == null ? "" : "?q=" + query);
  }

  @Override
  public void close() {
    server.close();
  }
}
