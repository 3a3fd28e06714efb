package io.revops.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpActivityTest {
  private final MockWebServer server = new MockWebServer();
  private final HttpActivity http = new HttpActivity();
  private OkHttpClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = new OkHttpClient.Builder().addInterceptor(http.interceptor()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int get(int status) throws IOException {
    server.enqueue(new MockResponse.Builder().code(status).build());
    try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      return response.code();
    }
  }

  @Test
  void threadsStartedByACallCountForThatCall() throws Exception {
    try (HttpActivity.Recording call = http.start()) {
      get(200);
      Thread batch = new Thread(() -> {
        try {
          get(503);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      batch.start();
      batch.join();
      assertThat(call.statuses()).containsExactly(200, 503);
    }
  }

  @Test
  void sharedWorkerThreadsCountForTheCallsInFlightOnly() throws Exception {
    ExecutorService shared;
    HttpActivity.Recording first = http.start();
    shared = Executors.newSingleThreadExecutor(); // its thread is created later, inside the first call
    shared.submit(() -> get(201)).get();
    first.close();
    assertThat(first.statuses()).containsExactly(201);

    Future<Integer> secondCall = Executors.newSingleThreadExecutor().submit(() -> {
      try (HttpActivity.Recording second = http.start()) {
        shared.submit(() -> get(202)).get(); // the worker still holds the first, closed call
        return second.statuses().size();
      }
    });
    assertThat(secondCall.get()).isOne();
    assertThat(first.statuses()).containsExactly(201);
    shared.shutdownNow();
  }

  @Test
  void aRequestWithoutAnswerIsStatusZero() throws Exception {
    try (HttpActivity.Recording call = http.start()) {
      server.close();
      try {
        get(200);
      } catch (IOException expected) {
        // the server is gone
      }
      assertThat(call.statuses()).containsExactly(0);
    }
  }
}
