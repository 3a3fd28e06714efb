package io.revops.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.salesforce.SalesforceApiException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class ErrorsAndAuthTest extends MockSalesforce {
  static final SalesforceId OPP = SalesforceId.of("006000000000001");
  final List<Object> rendered = new ArrayList<>();

  SalesforceApiException failingRetrieve(SalesforceClient c) {
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> c.retrieve("Opportunity", OPP));
    assertThat(e).as("expected a SalesforceApiException").isNotNull();
    rendered.add(e);
    return e;
  }

  SalesforceApiException failingRetrieve() {
    return failingRetrieve(client);
  }

  void assertNoTokenAnywhere() {
    for (Object o : rendered) {
      assertThat(String.valueOf(o)).doesNotContain(TOKEN).doesNotContain("FakeTokenValue");
      if (o instanceof SalesforceApiException e) {
        assertThat(e.errors().toString()).doesNotContain("FakeTokenValue");
      }
      if (o instanceof Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
          assertThat(String.valueOf(c.getMessage())).doesNotContain("FakeTokenValue");
        }
      }
    }
  }

  @Test
  void parsesTheErrorArrayIntoKinds() {
    record Case(int status, String code, Kind kind) {}
    for (Case c : List.of(
        new Case(400, "MALFORMED_QUERY", Kind.MALFORMED_QUERY),
        new Case(400, "INVALID_FIELD", Kind.INVALID_FIELD),
        new Case(400, "MALFORMED_ID", Kind.BAD_REQUEST),
        new Case(403, "INSUFFICIENT_ACCESS_OR_READONLY", Kind.PERMISSION_DENIED),
        new Case(403, "API_DISABLED_FOR_ORG", Kind.PERMISSION_DENIED),
        new Case(404, "NOT_FOUND", Kind.NOT_FOUND),
        new Case(500, "UNKNOWN_EXCEPTION", Kind.SERVER_ERROR))) {
      enqueueJson(c.status(), json("[{'message':'Something about " + c.code() + "','errorCode':'" + c.code()
          + "','fields':['StageName']},{'message':'second','errorCode':'OTHER'}]"));
      SalesforceApiException e = failingRetrieve();
      assertThat(e.kind()).as(c.code()).isEqualTo(c.kind());
      assertThat(e.httpStatus()).isEqualTo(c.status());
      assertThat(e.errorCode()).isEqualTo(c.code());
      assertThat(e.errors()).hasSize(2);
      assertThat(e.errors().get(0).fields()).containsExactly("StageName");
      assertThat(e.getMessage()).contains("GET /services/data/v60.0/sobjects/Opportunity/006000000000001AAA")
          .contains("Something about " + c.code());
    }
    assertNoTokenAnywhere();
  }

  @Test
  void invalidFieldSaysTheFieldMayBeHiddenByFieldLevelSecurity() {
    enqueueJson(400, json("[{'message':'No such column \\'Secret__c\\' on entity \\'Opportunity\\'.','errorCode':'INVALID_FIELD'}]"));
    assertThat(failingRetrieve().getMessage()).contains("No such column").contains("field-level security");
  }

  @Test
  void survivesANonJsonBodyAndNeverEchoesItWhole() {
    String page = "<html><head><title>Down for maintenance</title></head><body>" + "x".repeat(50_000) + "</body></html>";
    for (int i = 0; i < RetryPolicy.DEFAULT.maxAttempts(); i++) {
      server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html").body(page).build());
    }
    SalesforceApiException e = failingRetrieve();
    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.getMessage()).contains("Down for maintenance").contains("not JSON").hasSizeLessThan(800);
  }

  @Test
  void staticTokenExpiryFailsClearlyWithoutRetrying() {
    enqueueJson(401, json("[{'message':'Session expired or invalid','errorCode':'INVALID_SESSION_ID'}]"));
    SalesforceApiException e = failingRetrieve();

    assertThat(e.kind()).isEqualTo(Kind.SESSION_EXPIRED);
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.errorCode()).isEqualTo("INVALID_SESSION_ID");
    assertThat(e.getMessage()).contains("expired")
        .contains("SFDC_CLIENT_ID").contains("SFDC_CLIENT_SECRET").contains("SFDC_REFRESH_TOKEN");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertNoTokenAnywhere();
  }

  @Test
  void requestLimitExceededIsNotAnAuthProblemAndNeverRefreshes() {
    RefreshingProvider provider = new RefreshingProvider();
    SalesforceClient c = clientWith(provider);
    server.enqueue(new MockResponse.Builder().code(403).addHeader("Sforce-Limit-Info", "api-usage=5001/5000")
        .body(json("[{'message':'TotalRequests Limit exceeded.','errorCode':'REQUEST_LIMIT_EXCEEDED'}]")).build());
    SalesforceApiException e = failingRetrieve(c);

    assertThat(e.kind()).isEqualTo(Kind.API_LIMIT_EXCEEDED);
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.apiUsage()).contains(new ApiUsage(5001, 5000));
    assertThat(e.getMessage()).contains("5001/5000").contains("not an authentication problem")
        .doesNotContain("SFDC_REFRESH_TOKEN");
    assertThat(provider.refreshes.get()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void otherForbiddenNeverRefreshes() {
    RefreshingProvider provider = new RefreshingProvider();
    enqueueJson(403, json("[{'message':'insufficient access rights on object id','errorCode':'INSUFFICIENT_ACCESS_OR_READONLY'}]"));
    assertThat(failingRetrieve(clientWith(provider)).kind()).isEqualTo(Kind.PERMISSION_DENIED);
    assertThat(provider.refreshes.get()).isZero();
  }

  @Test
  void refreshingProviderGetsOneRetryWithTheNewTokenAfter401() throws Exception {
    RefreshingProvider provider = new RefreshingProvider();
    SalesforceClient c = clientWith(provider);
    enqueueJson(401, json("[{'message':'Session expired or invalid','errorCode':'INVALID_SESSION_ID'}]"));
    enqueueJson(200, json("{'attributes':{'type':'Opportunity'},'Id':'006000000000001AAA'}"));

    assertThat(c.retrieve("Opportunity", OPP).id()).contains(OPP);
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer old-token");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer new-token-1");
    assertThat(provider.refreshes.get()).isEqualTo(1);
    assertThat(provider.rejected.get()).isEqualTo(AccessToken.of("old-token"));
  }

  @Test
  void concurrent401sCollapseIntoOneRefreshBecauseTheRejectedTokenIsPassed() throws Exception {
    RefreshingProvider provider = new RefreshingProvider();
    SalesforceClient c = clientWith(provider);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        boolean old = "Bearer old-token".equals(request.getHeaders().get("Authorization"));
        return new MockResponse.Builder().code(old ? 401 : 200).body(old
            ? json("[{'message':'Session expired or invalid','errorCode':'INVALID_SESSION_ID'}]")
            : json("{'attributes':{'type':'Opportunity'},'Id':'006000000000001AAA'}")).build();
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SObjectRecord>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(pool.submit(() -> c.retrieve("Opportunity", OPP)));
      }
      for (Future<SObjectRecord> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS).id()).contains(OPP);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(provider.refreshes.get()).isEqualTo(1);
  }

  @Test
  void a401AfterRefreshFailsInsteadOfLooping() {
    RefreshingProvider provider = new RefreshingProvider();
    enqueueJson(401, json("[{'message':'Session expired or invalid','errorCode':'INVALID_SESSION_ID'}]"));
    enqueueJson(401, json("[{'message':'Session expired or invalid','errorCode':'INVALID_SESSION_ID'}]"));
    SalesforceApiException e = failingRetrieve(clientWith(provider));
    assertThat(e.kind()).isEqualTo(Kind.SESSION_EXPIRED);
    assertThat(e.getMessage()).contains("rejected the new token too");
    assertThat(provider.refreshes.get()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRefreshedTokenMayMoveTheClientToItsInstanceUrl() throws Exception {
    AccessTokenProvider provider = () -> AccessToken.of(TOKEN, server.url("/").toString());
    SalesforceClient c = SalesforceClient.builder().instanceUrl("https://configured.example.com")
        .tokenProvider(provider).build();
    enqueueJson(200, json("{'attributes':{'type':'Opportunity'},'Id':'006000000000001AAA'}"));
    assertThat(c.retrieve("Opportunity", OPP).id()).contains(OPP);
    assertThat(take().getUrl().port()).isEqualTo(server.getPort());
    assertThat(c.plan().describe("Account").url()).startsWith(server.url("/").toString());
  }

  @Test
  void capturesTheLimitHeaderFromEveryResponse() {
    assertThat(client.lastApiUsage()).isEmpty();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Sforce-Limit-Info", "api-usage=18/5000")
        .body(json("{'attributes':{'type':'Opportunity'},'Id':'006000000000001AAA'}")).build());
    client.retrieve("Opportunity", OPP);
    assertThat(client.lastApiUsage()).contains(new ApiUsage(18, 5000));
    assertThat(client.lastApiUsage().orElseThrow().remaining()).isEqualTo(4982);

    server.enqueue(new MockResponse.Builder().code(404)
        .addHeader("Sforce-Limit-Info", "api-usage=19/5000, per-app-api-usage=3/100(appName=x)")
        .body(json("[{'message':'not found','errorCode':'NOT_FOUND'}]")).build());
    failingRetrieve();
    assertThat(client.lastApiUsage()).contains(new ApiUsage(19, 5000));
  }

  @Test
  void refusesPlainHttpToANonLoopbackHost() {
    assertThatThrownBy(() -> SalesforceClient.builder().instanceUrl("http://acme.my.salesforce.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http").hasMessageContaining("https://");
    for (String ok : List.of("http://localhost:8080", "http://127.0.0.1:1", "http://127.9.8.7", "http://[::1]:9")) {
      assertThat(SalesforceClient.builder().instanceUrl(ok)).as(ok).isNotNull();
    }
    assertThatThrownBy(() -> SalesforceClient.builder().instanceUrl("http://127.0.0.1.evil.example"))
        .hasMessageContaining("plain http");

    AccessTokenProvider sneaky = () -> AccessToken.of(TOKEN, "http://evil.example");
    SalesforceApiException e = failingRetrieve(clientWith(sneaky));
    assertThat(e).isInstanceOf(SalesforceTransportException.class);
    assertThat(e.kind()).isEqualTo(Kind.REQUEST_NOT_SENT);
    assertThat(e.getMessage()).contains("plain http").contains("evil.example");
    assertThat(server.getRequestCount()).isZero();
    assertNoTokenAnywhere();
  }

  @Test
  void connectionRefusedMeansTheRequestWasNotSent() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    SalesforceClient c = SalesforceClient.builder().instanceUrl("http://127.0.0.1:" + closedPort)
        .accessToken(TOKEN).sleeper(time).clock(time).build();
    SalesforceTransportException e = catchThrowableOfType(SalesforceTransportException.class,
        () -> c.update("Opportunity", OPP, Map.of("StageName", "X")));
    rendered.add(e);
    assertThat(e.kind()).isEqualTo(Kind.REQUEST_NOT_SENT);
    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains("was not sent").contains("gave up after 4 attempts");
    assertNoTokenAnywhere();
  }

  @Test
  void aConnectionDroppedAfterSendingMeansOutcomeUnknownAndIsNotReplayed() {
    // a first call leaves a pooled connection: OkHttp silently replays requests that fail on one
    enqueueJson(200, json("{'attributes':{'type':'Opportunity'},'Id':'006000000000001AAA'}"));
    client.retrieve("Opportunity", OPP);
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    // two fields: not the single-field PATCH the retry policy may repeat
    SalesforceTransportException e = catchThrowableOfType(SalesforceTransportException.class,
        () -> client.update("Opportunity", OPP, Map.of("StageName", "X", "NextStep", "Y")));
    rendered.add(e);
    assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.getMessage()).contains("may or may not have been processed");
    assertThat(server.getRequestCount()).as("the PATCH was not silently replayed").isEqualTo(2);
    assertNoTokenAnywhere();
  }

  @Test
  void aReadTimeoutMeansOutcomeUnknown() {
    SalesforceClient c = builder().accessToken(TOKEN).readTimeout(Duration.ofMillis(200)).build();
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    SalesforceTransportException e = catchThrowableOfType(SalesforceTransportException.class,
        () -> c.create("Opportunity", Map.of("Name", "X")));
    assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
  }

  @Test
  void timeoutsDefaultAndAreConfigurable() {
    assertThat(client.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
        Duration.ofSeconds(120)));
    SalesforceClient c = SalesforceClient.builder().instanceUrl("https://acme.my.salesforce.com").accessToken(TOKEN)
        .connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(7)).callTimeout(Duration.ofSeconds(30))
        .build();
    assertThat(c.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofSeconds(30)));
    assertThatThrownBy(() -> SalesforceClient.builder().readTimeout(Duration.ZERO))
        .hasMessageContaining("read timeout must be positive");
  }

  @Test
  void builderValidatesItsSettings() {
    assertThatThrownBy(() -> SalesforceClient.builder().apiVersion("60.0")).hasMessageContaining("v60.0");
    assertThatThrownBy(() -> SalesforceClient.builder().apiVersion("v60")).hasMessageContaining("vNN.N");
    assertThatThrownBy(() -> SalesforceClient.builder().instanceUrl("https://acme.my.salesforce.com/services/data"))
        .hasMessageContaining("no path");
    assertThatThrownBy(() -> SalesforceClient.builder().instanceUrl("https://acme.my.salesforce.com").build())
        .hasMessageContaining("tokenProvider");
    assertThat(SalesforceClient.builder().instanceUrl("https://acme.my.salesforce.com").accessToken(TOKEN)
        .apiVersion("v66.0").build().plan().limits().url())
        .isEqualTo("https://acme.my.salesforce.com/services/data/v66.0/limits");
  }

  @Test
  void theTokenNeverAppearsInRenderings() {
    AccessToken token = AccessToken.of(TOKEN, "https://acme.my.salesforce.com");
    rendered.add(token);
    rendered.add(StaticTokenProvider.of(TOKEN));
    rendered.add(client);
    rendered.add(client.plan().create("Account", Map.of("Name", "x")));
    rendered.add(client.plan().query(QueryTest.OPPS));
    // a server that echoes the token back must not get it into a message
    enqueueJson(400, json("[{'message':'bad header Bearer " + TOKEN + "','errorCode':'BAD'}]"));
    failingRetrieve();
    assertThat(token.toString()).contains("***").contains("acme.my.salesforce.com");
    assertNoTokenAnywhere();
  }

  /** Refreshes by minting numbered tokens; collapses concurrent 401s using the rejected token. */
  static final class RefreshingProvider implements AccessTokenProvider {
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicReference<AccessToken> rejected = new AtomicReference<>();
    private AccessToken current = AccessToken.of("old-token");

    @Override
    public synchronized AccessToken current() {
      return current;
    }

    @Override
    public synchronized Optional<AccessToken> refresh(AccessToken rejectedToken) {
      rejected.set(rejectedToken);
      if (!current.equals(rejectedToken)) {
        return Optional.of(current);
      }
      current = AccessToken.of("new-token-" + refreshes.incrementAndGet());
      return Optional.of(current);
    }
  }
}
