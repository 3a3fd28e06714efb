package io.revops.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.salesforce.AccessToken;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceApiException.Kind;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.VirtualTime;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each OAuth flow against a MockWebServer playing both the login server ({@code /services/oauth2/token})
 * and the org's instance.
 */
class OAuthTokenProviderTest {
  static final SalesforceId OPP = SalesforceId.of("006000000000001");
  static final String CLIENT_ID = "3MVG9-consumer-key";
  static final String CLIENT_SECRET = "consumer-secret-4711";
  static final String REFRESH_TOKEN = "5Aep861-refresh-token-original";
  static final String RECORD = "{\"attributes\":{\"type\":\"Opportunity\"},\"Id\":\"006000000000001AAA\"}";
  static final String INVALID_SESSION = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

  MockWebServer server;
  final VirtualTime time = new VirtualTime();
  final List<RecordedRequest> tokenRequests = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger apiRequests = new AtomicInteger();
  /** Answers the n-th token request (0-based). */
  volatile Function<Integer, MockResponse> tokenAnswer = n -> tokenJson("ACCESS-" + (n + 1), null);
  /** Answers API requests; by default 200 for any bearer token. */
  volatile Function<RecordedRequest, MockResponse> apiAnswer = r -> json(200, RECORD);

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().endsWith("/services/oauth2/token")) {
          tokenRequests.add(request);
          return tokenAnswer.apply(tokenRequests.size() - 1);
        }
        apiRequests.incrementAndGet();
        return apiAnswer.apply(request);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String serverUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  MockResponse tokenJson(String accessToken, String refreshToken) {
    return json(200, "{\"access_token\":\"" + accessToken + "\",\"instance_url\":\"" + serverUrl() + "\","
        + "\"id\":\"https://login.salesforce.com/id/00D/005\",\"token_type\":\"Bearer\",\"issued_at\":\"1700000000000\""
        + (refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"")
        + ",\"signature\":\"c2ln\",\"scope\":\"api refresh_token\"}");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  RefreshTokenFlow refreshFlow() {
    return RefreshTokenFlow.builder().loginUrl(serverUrl()).clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
        .refreshToken(REFRESH_TOKEN).build();
  }

  OAuthTokenProvider.Builder provider(OAuthFlow flow) {
    return OAuthTokenProvider.builder(flow).sleeper(time).clock(time);
  }

  /** A client whose configured instance is unreachable: requests reach the server only via the token's instance_url. */
  SalesforceClient clientWith(OAuthTokenProvider provider) {
    return SalesforceClient.builder().instanceUrl("https://configured.invalid").tokenProvider(provider)
        .sleeper(time).clock(time).build();
  }

  static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  @Test
  void refreshTokenFlowPostsTheDocumentedFormAndUsesTheTokensInstance() throws Exception {
    SalesforceClient client = clientWith(provider(refreshFlow()).build());
    assertThat(tokenRequests).as("no token request before first use").isEmpty();

    assertThat(client.retrieve("Opportunity", OPP).id()).contains(OPP);

    RecordedRequest tokenRequest = tokenRequests.get(0);
    assertThat(tokenRequest.getMethod()).isEqualTo("POST");
    assertThat(tokenRequest.getUrl().encodedPath()).isEqualTo("/services/oauth2/token");
    assertThat(tokenRequest.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(tokenRequest.getHeaders().get("Authorization")).isNull();
    assertThat(form(tokenRequest)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "grant_type", "refresh_token", "refresh_token", REFRESH_TOKEN, "client_id", CLIENT_ID,
        "client_secret", CLIENT_SECRET));
    assertThat(apiRequests.get()).as("the token's instance_url won over the configured instance").isEqualTo(1);
    assertThat(client.plan().limits().url()).startsWith(serverUrl());
  }

  @Test
  void theClientSecretIsOptionalForTheRefreshTokenFlow() {
    RefreshTokenFlow flow = RefreshTokenFlow.builder().loginUrl(serverUrl()).clientId(CLIENT_ID)
        .refreshToken(REFRESH_TOKEN).build();
    provider(flow).build().current();
    assertThat(form(tokenRequests.get(0))).doesNotContainKey("client_secret").containsKey("refresh_token");
    assertThat(flow.hasClientSecret()).isFalse();
  }

  @Test
  void jwtBearerFlowSignsAFreshShortLivedRs256AssertionForEveryTokenRequest() throws Exception {
    KeyPair keys = TestKeys.shared();
    JwtBearerFlow flow = JwtBearerFlow.builder().loginUrl(serverUrl()).clientId(CLIENT_ID)
        .username("integration@acme.example").privateKey(keys.getPrivate()).build();
    OAuthTokenProvider provider = provider(flow).build();

    AccessToken first = provider.current();
    time.sleep(Duration.ofSeconds(90));
    provider.refresh(first);

    assertThat(tokenRequests).hasSize(2);
    List<String> assertions = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Map<String, String> form = form(tokenRequests.get(i));
      assertThat(form.keySet()).containsExactlyInAnyOrder("grant_type", "assertion");
      assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
      assertions.add(form.get("assertion"));
    }
    assertThat(assertions.get(0)).isNotEqualTo(assertions.get(1));

    String[] parts = assertions.get(1).split("\\.");
    assertThat(parts).hasSize(3);
    Base64.Decoder url = Base64.getUrlDecoder();
    assertThat(new String(url.decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"RS256\"}");
    long expected = time.instant().plus(Duration.ofMinutes(3)).getEpochSecond();
    assertThat(new String(url.decode(parts[1]), StandardCharsets.UTF_8)).isEqualTo(
        "{\"iss\":\"" + CLIENT_ID + "\",\"sub\":\"integration@acme.example\",\"aud\":\"https://login.salesforce.com\","
            + "\"exp\":" + expected + "}");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(keys.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(url.decode(parts[2]))).as("signature verifies with the public key").isTrue();
  }

  @Test
  void theJwtAudienceFollowsTheLoginUrl() {
    Map<String, String> expected = Map.of(
        "https://login.salesforce.com", "https://login.salesforce.com",
        "https://test.salesforce.com", "https://test.salesforce.com",
        "https://acme.my.salesforce.com", "https://login.salesforce.com",
        "https://acme--uat.sandbox.my.salesforce.com", "https://test.salesforce.com",
        "https://acme.my.site.com/partners", "https://acme.my.site.com/partners");
    expected.forEach((login, audience) -> assertThat(JwtBearerFlow.builder().loginUrl(login).clientId(CLIENT_ID)
        .username("u@acme.example").privateKey(TestKeys.shared().getPrivate()).build().audience())
        .as(login).isEqualTo(audience));
    assertThat(JwtBearerFlow.builder().loginUrl("https://acme.my.salesforce.com").audience("https://test.salesforce.com")
        .clientId(CLIENT_ID).username("u@acme.example").privateKey(TestKeys.shared().getPrivate()).build().audience())
        .isEqualTo("https://test.salesforce.com");
  }

  @Test
  void clientCredentialsFlowPostsIdAndSecretToTheMyDomain() {
    ClientCredentialsFlow flow = ClientCredentialsFlow.builder().myDomainUrl(serverUrl()).clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET).build();
    clientWith(provider(flow).build()).retrieve("Opportunity", OPP);

    assertThat(form(tokenRequests.get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    for (String shared : List.of("https://login.salesforce.com", "https://test.salesforce.com/")) {
      assertThatThrownBy(() -> ClientCredentialsFlow.builder().myDomainUrl(shared))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("My Domain URL");
    }
  }

  @Test
  void fiftyConcurrentRejectionsCauseExactlyOneRefresh() throws Exception {
    int calls = 50;
    CountDownLatch allRejected = new CountDownLatch(calls);
    tokenAnswer = n -> {
      if (n == 1) { // hold the refresh until every call has had its 401
        await(allRejected);
      }
      return tokenJson(n == 0 ? "OLD" : n == 1 ? "NEW" : "UNEXPECTED-" + n, null);
    };
    apiAnswer = r -> {
      if ("Bearer OLD".equals(r.getHeaders().get("Authorization"))) {
        allRejected.countDown();
        return json(401, INVALID_SESSION);
      }
      return json(200, RECORD);
    };
    OAuthTokenProvider provider = provider(refreshFlow()).build();
    provider.current(); // the first token, before the burst: every call then starts with it
    SalesforceClient client = clientWith(provider);

    CyclicBarrier together = new CyclicBarrier(calls);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<SObjectRecord>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return client.retrieve("Opportunity", OPP);
        }));
      }
      for (Future<SObjectRecord> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).id()).contains(OPP);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenRequests).as("one first token, then exactly one refresh").hasSize(2);
    assertThat(apiRequests.get()).as("each call: one 401, one retry").isEqualTo(2 * calls);
  }

  @Test
  void concurrentFirstUseCausesOneTokenRequest() throws Exception {
    OAuthTokenProvider provider = provider(refreshFlow()).build();
    CyclicBarrier together = new CyclicBarrier(50);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<AccessToken>> tokens = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        tokens.add(pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return provider.current();
        }));
      }
      for (Future<AccessToken> token : tokens) {
        assertThat(token.get(30, TimeUnit.SECONDS).value()).isEqualTo("ACCESS-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenRequests).hasSize(1);
  }

  @Test
  void aRotatedRefreshTokenIsUsedForTheNextRefreshAndHandedToTheListener() {
    List<String> rotated = Collections.synchronizedList(new ArrayList<>());
    tokenAnswer = n -> tokenJson("ACCESS-" + (n + 1), "5Aep861-rotated-" + (n + 1));
    OAuthTokenProvider provider = provider(refreshFlow()).onRefreshTokenRotated(rotated::add).build();

    AccessToken first = provider.current();
    AccessToken second = provider.refresh(first).orElseThrow();
    provider.refresh(second);

    assertThat(form(tokenRequests.get(0)).get("refresh_token")).isEqualTo(REFRESH_TOKEN);
    assertThat(form(tokenRequests.get(1)).get("refresh_token")).isEqualTo("5Aep861-rotated-1");
    assertThat(form(tokenRequests.get(2)).get("refresh_token")).isEqualTo("5Aep861-rotated-2");
    assertThat(rotated).containsExactly("5Aep861-rotated-1", "5Aep861-rotated-2", "5Aep861-rotated-3");
    assertThat(provider.toString()).doesNotContain("rotated").doesNotContain(REFRESH_TOKEN);
  }

  @Test
  void aRefusedRefreshFailsClearlyAndIsNotRepeatedInALoop() {
    tokenAnswer = n -> n == 0 ? tokenJson("OLD", null)
        : json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}");
    apiAnswer = r -> json(401, INVALID_SESSION);
    SalesforceClient client = clientWith(provider(refreshFlow()).build());

    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> client.retrieve("Opportunity", OPP));
    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
    assertThat(e.errorCode()).isEqualTo("invalid_grant");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.getMessage()).contains("refresh-token grant").contains("expired access/refresh token")
        .contains("rotation").contains("SFDC_REFRESH_TOKEN");
    assertThat(tokenRequests).hasSize(2);
    assertThat(apiRequests.get()).isEqualTo(1);
    assertThat(time.sleeps()).as("a refused grant is not retried").isEmpty();

    // the next call asks the token endpoint again instead of sending the dead token
    catchThrowableOfType(SalesforceApiException.class, () -> client.retrieve("Opportunity", OPP));
    assertThat(tokenRequests).hasSize(3);
    assertThat(apiRequests.get()).isEqualTo(1);
  }

  @Test
  void forbiddenAnswersNeverRefresh() {
    apiAnswer = r -> new MockResponse.Builder().code(403).addHeader("Sforce-Limit-Info", "api-usage=5001/5000")
        .body("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]").build();
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class,
        () -> clientWith(provider(refreshFlow()).build()).retrieve("Opportunity", OPP));
    assertThat(e.kind()).isEqualTo(Kind.API_LIMIT_EXCEEDED);
    assertThat(tokenRequests).as("only the first token").hasSize(1);
  }

  @Test
  void jwtRefusalExplainsPreAuthorization() {
    tokenAnswer = n -> json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}");
    JwtBearerFlow flow = JwtBearerFlow.builder().loginUrl(serverUrl()).clientId(CLIENT_ID)
        .username("integration@acme.example").privateKey(TestKeys.shared().getPrivate()).build();
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> provider(flow).build().current());
    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
    assertThat(e.getMessage()).contains("JWT bearer grant").contains("pre-authorized").contains("integration@acme.example");
  }

  @Test
  void clientCredentialsRefusalExplainsTheRunAsUser() {
    tokenAnswer = n -> json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"no client credentials user enabled\"}");
    ClientCredentialsFlow flow = ClientCredentialsFlow.builder().myDomainUrl(serverUrl()).clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET).build();
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> provider(flow).build().current());
    assertThat(e.getMessage()).contains("Run-As user");
  }

  @Test
  void transientTokenEndpointFailuresAreRetried() {
    tokenAnswer = n -> n == 0 ? new MockResponse.Builder().code(503).body("maintenance").build() : tokenJson("ACCESS", null);
    assertThat(provider(refreshFlow()).build().current().value()).isEqualTo("ACCESS");
    assertThat(tokenRequests).hasSize(2);
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void aNonOAuthAnswerPointsAtTheLoginUrl() {
    tokenAnswer = n -> new MockResponse.Builder().code(404).body("<html>Not Found</html>").build();
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class,
        () -> provider(refreshFlow()).build().current());
    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
    assertThat(e.getMessage()).contains("login URL");
  }

  @Test
  void secretsEchoedByTheTokenEndpointAreRedacted() {
    tokenAnswer = n -> json(400, "{\"error\":\"invalid_client\",\"error_description\":\"bad " + CLIENT_SECRET + " for "
        + REFRESH_TOKEN + "\"}");
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class,
        () -> provider(refreshFlow()).build().current());
    assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET).doesNotContain(REFRESH_TOKEN).contains("***")
        .contains("consumer key");
    assertThat(e.errors().get(0).message()).doesNotContain(CLIENT_SECRET).doesNotContain(REFRESH_TOKEN);
  }

  @Test
  void anInitialAccessTokenIsUsedUntilItIsRejected() {
    apiAnswer = r -> "Bearer GIVEN".equals(r.getHeaders().get("Authorization")) ? json(401, INVALID_SESSION)
        : json(200, RECORD);
    OAuthTokenProvider provider = provider(refreshFlow()).initialAccessToken("GIVEN").build();
    SalesforceClient client = SalesforceClient.builder().instanceUrl(serverUrl()).tokenProvider(provider)
        .sleeper(time).clock(time).build();

    client.retrieve("Opportunity", OPP);

    assertThat(tokenRequests).hasSize(1);
    assertThat(apiRequests.get()).isEqualTo(2);
  }

  @Test
  void credentialsNeverTravelOverPlainHttpToARemoteHost() {
    assertThatThrownBy(() -> RefreshTokenFlow.builder().loginUrl("http://login.salesforce.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
    assertThatThrownBy(() -> RefreshTokenFlow.builder().loginUrl("not a url"))
        .hasMessageContaining("https://login.salesforce.com");
    assertThatThrownBy(() -> RefreshTokenFlow.builder().clientId(CLIENT_ID).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("refreshToken");
    assertThatThrownBy(() -> JwtBearerFlow.builder().clientId(CLIENT_ID).username("u").build())
        .hasMessageContaining("privateKey");
    assertThatThrownBy(() -> ClientCredentialsFlow.builder().clientId(CLIENT_ID).build())
        .hasMessageContaining("myDomainUrl");
  }

  @Test
  void renderingsShowNoSecret() {
    OAuthTokenProvider refresh = provider(refreshFlow()).build();
    OAuthTokenProvider jwt = provider(JwtBearerFlow.builder().clientId(CLIENT_ID).username("u@acme.example")
        .privateKey(TestKeys.shared().getPrivate()).build()).build();
    OAuthTokenProvider cc = provider(ClientCredentialsFlow.builder().myDomainUrl("https://acme.my.salesforce.com")
        .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build()).build();
    String rendered = refresh + " " + refresh.flow() + " " + jwt + " " + jwt.flow() + " " + cc + " " + cc.flow();
    assertThat(rendered).doesNotContain(CLIENT_SECRET).doesNotContain(REFRESH_TOKEN).doesNotContain("modulus")
        .contains("RefreshTokenFlow").contains("JwtBearerFlow").contains("ClientCredentialsFlow");
    assertThat(refresh.tokenUrl()).isEqualTo(serverUrl() + "/services/oauth2/token");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("not every call got its 401: " + latch.getCount() + " missing");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
