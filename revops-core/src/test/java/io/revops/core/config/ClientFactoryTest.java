package io.revops.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientFactoryTest {
  static final SalesforceId OPP = SalesforceId.of("006000000000001");
  static final String LIMITS = "{\"jobs\":{\"concurrentLimit\":3,\"monthlyQuota\":1000,\"availableConcurrentLimit\":3,"
      + "\"availableMonthlyQuota\":995}}";

  @TempDir
  Path dir;
  MockWebServer server;
  final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger httpClientsMade = new AtomicInteger();
  OkHttpClient shared;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String path = request.getUrl().encodedPath();
        if (path.endsWith("/services/oauth2/token")) {
          String grant = form(request).get("grant_type");
          return json("{\"access_token\":\"issued-for-" + grant.substring(grant.lastIndexOf(':') + 1)
              + "\",\"instance_url\":\"" + base() + "\"}");
        }
        return json(path.startsWith("/v4/") ? LIMITS
            : "{\"attributes\":{\"type\":\"Opportunity\"},\"Id\":\"006000000000001AAA\"}");
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String base() {
    return server.url("/").toString().replaceAll("/$", "");
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new HashMap<>();
    for (String pair : request.getBody().utf8().split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  ClientFactory factory(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("SFDC_INSTANCE_URL", base());
    env.put("CLARI_BASE_URL", base() + "/v4");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return new ClientFactory(RevOpsConfig.fromEnvironment(env), () -> {
      httpClientsMade.incrementAndGet();
      shared = new OkHttpClient();
      return shared;
    }, ClientFactory.Timing.REAL);
  }

  RecordedRequest firstApiRequest() {
    return requests.stream().filter(r -> !r.getUrl().encodedPath().endsWith("/token")).findFirst().orElseThrow();
  }

  @Test
  void creatingTheFactoryBuildsNothingRunsNothingAndRequestsNothing() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the command check runs /bin/sh, absent here");
    Path ran = dir.resolve("ran");
    ClientFactory factory = factory("SFDC_ACCESS_TOKEN_COMMAND", "touch '" + ran + "'; echo tok",
        "CLARI_API_TOKEN", "clari-token");

    assertThat(httpClientsMade.get()).isZero();
    assertThat(ran).doesNotExist();
    assertThat(requests).isEmpty();
    assertThat(factory).hasToString("ClientFactory[salesforce=configured, clari=configured]");

    factory.salesforce().orElseThrow();
    assertThat(ran).as("building the client does not fetch a token either").doesNotExist();
    assertThat(factory).hasToString("ClientFactory[salesforce=built, clari=configured]");
  }

  @Test
  void bothClientsAreBuiltOnceOnOneSharedHttpClient() {
    ClientFactory factory = factory("SFDC_ACCESS_TOKEN", "sf-token", "CLARI_API_TOKEN", "clari-token");

    SalesforceClient sf = factory.salesforce().orElseThrow();
    assertThat(factory.salesforce()).containsSame(sf);
    sf.retrieve("Opportunity", OPP);
    factory.clari().orElseThrow().getAdminLimits();

    assertThat(httpClientsMade.get()).isEqualTo(1);
    assertThat(shared.connectionPool().connectionCount()).as("both clients pooled their connection in the shared pool")
        .isPositive();
    factory.close();
    assertThat(shared.connectionPool().connectionCount()).isZero();
  }

  @Test
  void unconfiguredBackendsAreEmpty() {
    ClientFactory factory = new ClientFactory(RevOpsConfig.fromEnvironment(Map.of()), OkHttpClient::new,
        ClientFactory.Timing.REAL);
    assertThat(factory.salesforce()).isEmpty();
    assertThat(factory.clari()).isEmpty();
    assertThat(factory).hasToString("ClientFactory[salesforce=not configured, clari=not configured]");
  }

  @Test
  void theRefreshTokenCredentialGetsARefreshingProvider() {
    factory("SFDC_CLIENT_ID", "id", "SFDC_REFRESH_TOKEN", "refresh", "SFDC_LOGIN_URL", base())
        .salesforce().orElseThrow().retrieve("Opportunity", OPP);
    assertThat(form(requests.get(0))).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "refresh");
    assertThat(firstApiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer issued-for-refresh_token");
  }

  @Test
  void theJwtCredentialSignsWithTheKeyFile() throws Exception {
    Path key = TestPem.write(dir, TestPem.rsa());
    factory("SFDC_CLIENT_ID", "id", "SFDC_USERNAME", "u@acme.example", "SFDC_JWT_KEY_FILE", key.toString(),
        "SFDC_LOGIN_URL", base()).salesforce().orElseThrow().retrieve("Opportunity", OPP);
    assertThat(form(requests.get(0))).containsKey("assertion");
    assertThat(firstApiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer issued-for-jwt-bearer");
  }

  @Test
  void theClientCredentialsGoToTheMyDomain() {
    factory("SFDC_CLIENT_ID", "id", "SFDC_CLIENT_SECRET", "secret").salesforce().orElseThrow()
        .retrieve("Opportunity", OPP);
    assertThat(requests.get(0).getUrl().toString()).isEqualTo(base() + "/services/oauth2/token");
    assertThat(firstApiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer issued-for-client_credentials");
  }

  @Test
  void commandCredentialsRunTheirCommands() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "token commands run with /bin/sh, absent here");
    ClientFactory factory = factory("SFDC_ACCESS_TOKEN_COMMAND", "echo sf-from-command",
        "CLARI_API_TOKEN_COMMAND", "printf ' clari-from-command\\n'");
    factory.salesforce().orElseThrow().retrieve("Opportunity", OPP);
    factory.clari().orElseThrow().getAdminLimits();

    assertThat(requests.get(0).getHeaders().get("Authorization")).isEqualTo("Bearer sf-from-command");
    assertThat(requests.get(1).getHeaders().get("apikey")).isEqualTo("clari-from-command");
  }
}
