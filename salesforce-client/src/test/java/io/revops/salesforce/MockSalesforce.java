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
    return SalesforceClient.builder().instanceUrl(server.url("/").toString()).tokenProvider(provider).build();
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
