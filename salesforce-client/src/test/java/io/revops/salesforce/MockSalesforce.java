package io.revops.salesforce;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A loopback MockWebServer playing a Salesforce instance, plus a client pointed at it. */
abstract class MockSalesforce {
  static final String TOKEN = "00DSECRET!AQ4AQFakeTokenValue.never-print-me";

  MockWebServer server;
  SalesforceClient client;
  /** Retries wait on this clock, so no test really sleeps. */
  final VirtualTime time = new VirtualTime();

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    client = clientWith(AccessTokenProvider.staticToken(TOKEN));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  SalesforceClient clientWith(AccessTokenProvider provider) {
    return builder().tokenProvider(provider).build();
  }

  /** A builder pointed at the server, waiting in virtual time. */
  SalesforceClient.Builder builder() {
    return SalesforceClient.builder().instanceUrl(server.url("/").toString()).sleeper(time).clock(time);
  }

  void enqueueJson(int code, String json) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(json).build());
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request reached the server");
    }
    return request;
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  /** Single quotes to double quotes, to keep JSON fixtures readable. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
