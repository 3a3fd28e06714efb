package io.revops.sandbox.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDK's built-in HTTP server on a free loopback port, dispatching by path prefix to the emulated
 * services. A handler's unexpected exception becomes a 500 and a log line, never a dropped connection.
 */
public final class HttpFront implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
  private static final int THREADS = 8;
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpFront(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving {@code routes} (path prefix to handler, first match wins) on 127.0.0.1. */
  public static HttpFront start(Map<String, Handler> routes) {
    // The JDK server writes headers and body separately; without TCP_NODELAY a small answer waits ~40 ms for
    // the client's delayed ACK. The server reads this once, when its first instance starts in the JVM.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a loopback port for the sandbox", e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "revops-sandbox-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Map<String, Handler> ordered = new LinkedHashMap<>(routes);
    server.createContext("/", exchange -> serve(exchange, ordered));
    server.setExecutor(executor);
    server.start();
    return new HttpFront(server, executor);
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(HttpExchange exchange, Map<String, Handler> routes) throws IOException {
    try (exchange) {
      Request request = read(exchange);
      Response response;
      try {
        response = route(request, routes);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "sandbox failed on " + request.method() + " " + request.path(), e);
        response = Response.text(500, "revops-mcp sandbox internal error: " + e, "text/plain;charset=UTF-8");
      }
      write(exchange, response);
    }
  }

  private static Response route(Request request, Map<String, Handler> routes) {
    for (Map.Entry<String, Handler> route : routes.entrySet()) {
      if (request.path().startsWith(route.getKey())) {
        return route.getValue().handle(request);
      }
    }
    return Response.text(404, "Not found: the sandbox serves /services/... (Salesforce) and /v4/... (Clari)",
        "text/plain;charset=UTF-8");
  }

  private static Request read(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
        Request.parseQuery(exchange.getRequestURI().getRawQuery()), headers, body);
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    if (response.body().isEmpty()) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = response.body().get().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops accepting requests and ends the server's threads. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
