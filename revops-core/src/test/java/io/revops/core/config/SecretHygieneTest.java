package io.revops.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.revops.clari.ClariClient;
import io.revops.clari.ExportType;
import io.revops.clari.ForecastExportRequest;
import io.revops.salesforce.CompositeRequest;
import io.revops.salesforce.CompositeSubrequest;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.soql.GuardedQuery;
import io.revops.salesforce.soql.SoqlGuard;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs broad scenarios with known secret values (successful calls, every error path, dry-run plans,
 * refresh and rotation, failing token endpoints and commands, configuration errors) and scans everything
 * a person or a model could see for those values: every log record (all levels, with its exception),
 * every exception message and {@code toString()} along whole cause chains, every result and plan, and the
 * {@code toString()} of each configuration, credential, provider, client and factory.
 */
class SecretHygieneTest {
  static final String ACCESS_1 = "00Dhyg!ACCESS.one-7f3a";
  static final String ACCESS_2 = "00Dhyg!ACCESS.two-91bc";
  static final String REFRESH = "5Aep861hyg-REFRESH-token-x1";
  static final String ROTATED = "5Aep861hyg-ROTATED-token-x2";
  static final String CLIENT_SECRET = "hyg-CLIENT-SECRET-0b7e";
  static final String CLARI_TOKEN = "hyg-clari-API-token-55aa";
  static final String SF_COMMAND_OUTPUT = "00Dhyg!COMMAND.out-c3d4";
  static final String CLARI_COMMAND_OUTPUT = "hyg-clari-COMMAND-out-e5f6";
  static final String JWT_ACCESS = "00Dhyg!JWT.access-1234";
  static final String CC_ACCESS = "00Dhyg!CC.access-5678";
  static final SalesforceId OPP = SalesforceId.of("006000000000001");
  static final String RECORD = "{\"attributes\":{\"type\":\"Opportunity\"},\"Id\":\"006000000000001AAA\",\"Name\":\"Acme\"}";
  static final String INVALID_SESSION = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

  @TempDir
  static Path dir;
  static KeyPair keys;
  static Path keyFile;

  MockWebServer sf;
  MockWebServer clari;
  final FakeTime time = new FakeTime();
  final List<String> seen = Collections.synchronizedList(new ArrayList<>());
  final Set<String> secrets = new LinkedHashSet<>();
  final Logger revops = Logger.getLogger("io.revops");
  Level previousLevel;
  final Handler capture = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      seen.add(formatter.format(record));
      see(record.getThrown());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeAll
  static void makeKey() throws Exception {
    keys = TestPem.rsa();
    keyFile = TestPem.write(dir, keys);
  }

  @BeforeEach
  void start() throws Exception {
    sf = new MockWebServer();
    sf.start();
    clari = new MockWebServer();
    clari.start();
    previousLevel = revops.getLevel();
    revops.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    revops.addHandler(capture);
    secrets.addAll(List.of(ACCESS_1, ACCESS_2, REFRESH, ROTATED, CLIENT_SECRET, CLARI_TOKEN, SF_COMMAND_OUTPUT,
        CLARI_COMMAND_OUTPUT, JWT_ACCESS, CC_ACCESS));
    for (String line : TestPem.pem(keys).split("\n")) {
      if (!line.startsWith("-----")) {
        secrets.add(line);
      }
    }
    BigInteger exponent = ((RSAPrivateCrtKey) keys.getPrivate()).getPrivateExponent();
    secrets.add(exponent.toString());
    secrets.add(exponent.toString(16));
  }

  @AfterEach
  void scanEverythingSeen() throws Exception {
    revops.removeHandler(capture);
    revops.setLevel(previousLevel);
    // every signed assertion the token endpoint received is a credential too (valid for minutes)
    for (MockWebServer server : List.of(sf, clari)) {
      RecordedRequest r;
      while ((r = server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        int at = body.indexOf("assertion=");
        if (at >= 0) {
          secrets.add(body.substring(at + "assertion=".length()).split("&")[0]);
        }
      }
    }
    sf.close();
    clari.close();

    assertThat(seen).as("the scenario produced output to scan").hasSizeGreaterThan(5);
    for (String secret : secrets) {
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      for (String text : seen) {
        assertThat(text).as("a rendering leaked a secret").doesNotContain(secret).doesNotContain(encoded);
      }
    }
  }

  /** Records an object's rendering; for a throwable, its whole chain, suppressed ones included. */
  void see(Object o) {
    if (o instanceof Throwable t) {
      Set<Throwable> done = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      List<Throwable> todo = new ArrayList<>(List.of(t));
      while (!todo.isEmpty()) {
        Throwable next = todo.remove(0);
        if (next == null || !done.add(next)) {
          continue;
        }
        seen.add(String.valueOf(next.getMessage()));
        seen.add(next.toString());
        if (next instanceof SalesforceApiException s) {
          seen.add(s.errors().toString());
        }
        todo.add(next.getCause());
        todo.addAll(List.of(next.getSuppressed()));
      }
    } else {
      seen.add(String.valueOf(o));
    }
  }

  /** Runs a call, recording its result or its failure. */
  void attempt(Supplier<?> call) {
    try {
      see(call.get());
    } catch (RuntimeException e) {
      see(e);
    }
  }

  String url(MockWebServer server) {
    return server.url("/").toString().replaceAll("/$", "");
  }

  ClientFactory factory(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("SFDC_INSTANCE_URL", url(sf));
    env.put("CLARI_BASE_URL", url(clari) + "/v4");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    RevOpsConfig config = RevOpsConfig.fromEnvironment(env);
    see(config);
    config.salesforce().ifPresent(s -> see(s.credential()));
    config.clari().ifPresent(c -> see(c.credential()));
    ClientFactory factory = new ClientFactory(config, OkHttpClient::new,
        new ClientFactory.Timing(time, time, time));
    see(factory);
    return factory;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  MockResponse token(String access, String rotatedRefresh) {
    return json(200, "{\"access_token\":\"" + access + "\",\"instance_url\":\"" + url(sf) + "\",\"token_type\":\"Bearer\""
        + (rotatedRefresh == null ? "" : ",\"refresh_token\":\"" + rotatedRefresh + "\"") + "}");
  }

  @Test
  void refreshTokenFlowAndFixedClariTokenThroughEveryPath() {
    ClientFactory factory = factory("SFDC_LOGIN_URL", url(sf), "SFDC_CLIENT_ID", "3MVG9hyg", "SFDC_CLIENT_SECRET",
        CLIENT_SECRET, "SFDC_REFRESH_TOKEN", REFRESH, "CLARI_API_TOKEN", CLARI_TOKEN);
    SalesforceClient client = factory.salesforce().orElseThrow();
    see(client);
    GuardedQuery query = SoqlGuard.defaults().check("SELECT Id, Name FROM Opportunity LIMIT 10");

    sf.enqueue(token(ACCESS_1, null));
    sf.enqueue(json(200, RECORD));
    attempt(() -> client.retrieve("Opportunity", OPP));
    sf.enqueue(json(200, "{\"totalSize\":1,\"done\":true,\"records\":[" + RECORD + "]}"));
    attempt(() -> client.query(query));
    sf.enqueue(json(401, INVALID_SESSION)); // refresh, with rotation
    sf.enqueue(token(ACCESS_2, ROTATED));
    sf.enqueue(json(200, RECORD));
    attempt(() -> client.retrieve("Opportunity", OPP));
    sf.enqueue(new MockResponse.Builder().code(403).addHeader("Sforce-Limit-Info", "api-usage=15001/15000")
        .body("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]").build());
    attempt(() -> client.retrieve("Opportunity", OPP));
    sf.enqueue(json(400, "[{\"message\":\"bad header Authorization: Bearer " + ACCESS_2 + "\",\"errorCode\":\"BAD\"}]"));
    attempt(() -> client.retrieve("Opportunity", OPP));
    for (int i = 0; i < 4; i++) {
      sf.enqueue(json(503, "<html>maintenance " + ACCESS_2 + "</html>"));
    }
    attempt(() -> client.retrieve("Opportunity", OPP));
    sf.enqueue(json(201, "{\"id\":\"00T000000000001EAA\",\"success\":true,\"errors\":[]}"));
    attempt(() -> client.create("Task", Map.of("Subject", "Call")));
    sf.enqueue(new MockResponse.Builder().code(204).build());
    attempt(() -> {
      client.update("Opportunity", OPP, Map.of("NextStep", "Call back"));
      return "updated";
    });
    sf.enqueue(json(404, "[{\"message\":\"not found\",\"errorCode\":\"NOT_FOUND\"}]"));
    attempt(() -> client.retrieve("Opportunity", OPP));
    see(client.plan().retrieve("Opportunity", OPP, List.of("Name")));
    see(client.plan().describe("Opportunity"));
    see(client.plan().create("Task", Map.of("Subject", "Call")));
    see(client.plan().update("Opportunity", OPP, Map.of("NextStep", "x")));
    see(client.plan().composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("t", "Task", Map.of("Subject", "Call"))).build()));
    see(client.plan().query(query));
    see(client.plan().limits());
    see(client.plan().userInfo());
    see(client.lastApiUsage());
    sf.enqueue(json(401, INVALID_SESSION)); // the refresh is refused, and the endpoint echoes secrets
    sf.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired " + ROTATED + " for "
        + CLIENT_SECRET + "\"}"));
    attempt(() -> client.retrieve("Opportunity", OPP));
    sf.enqueue(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"client " + CLIENT_SECRET + "\"}"));
    attempt(() -> client.retrieve("Opportunity", OPP));
    see(client);

    ClariClient c = factory.clari().orElseThrow();
    see(c);
    clari.enqueue(json(200, "{\"jobs\":{\"concurrentLimit\":3,\"monthlyQuota\":1000,\"availableConcurrentLimit\":3,"
        + "\"availableMonthlyQuota\":995}}"));
    attempt(c::getAdminLimits);
    clari.enqueue(json(401, "{\"message\":\"Invalid authentication credentials for " + CLARI_TOKEN + "\"}"));
    attempt(() -> c.getExportJob("6073683781a6da229df71e00"));
    for (int i = 0; i < 4; i++) {
      clari.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{}").build());
    }
    attempt(c::getAdminLimits);
    for (int i = 0; i < 4; i++) {
      clari.enqueue(json(503, "{\"message\":\"down\"}"));
    }
    attempt(() -> c.getExportJob("6073683781a6da229df71e00"));
    ForecastExportRequest export = ForecastExportRequest.builder("net_arr", "2026_Q2")
        .typesToExport(Set.of(ExportType.FORECAST)).build();
    clari.enqueue(json(500, "{\"code\":\"internal_server_error\",\"message\":\"apikey " + CLARI_TOKEN + "\"}"));
    attempt(() -> c.submitForecastExport(export));
    clari.enqueue(json(200, "[{\"id\":\"006000000000001AAA\",\"crmScore\":{\"score\":40,\"message\":\"ok\"},\"fields\":[]}]"));
    attempt(() -> c.getOpportunityInsights(List.of("006000000000001AAA")));
    see(c.plans().submitForecastExport(export));
    see(c.plans().getExportJob("6073683781a6da229df71e00"));
    see(c.plans().getAdminLimits());
    see(c.plans().getOpportunityInsights(List.of("006000000000001AAA")));
    see(factory);
  }

  @Test
  void jwtBearerAndClientCredentialsFlows() {
    ClientFactory jwt = factory("SFDC_LOGIN_URL", url(sf), "SFDC_CLIENT_ID", "3MVG9hyg", "SFDC_USERNAME",
        "integration@acme.example", "SFDC_JWT_KEY_FILE", keyFile.toString());
    SalesforceClient client = jwt.salesforce().orElseThrow();
    sf.enqueue(token(JWT_ACCESS, null));
    sf.enqueue(json(200, RECORD));
    attempt(() -> client.retrieve("Opportunity", OPP));
    sf.enqueue(json(401, INVALID_SESSION));
    sf.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}"));
    attempt(() -> client.retrieve("Opportunity", OPP));
    see(client);
    see(jwt);

    ClientFactory cc = factory("SFDC_CLIENT_ID", "3MVG9hyg", "SFDC_CLIENT_SECRET", CLIENT_SECRET);
    SalesforceClient ccClient = cc.salesforce().orElseThrow();
    sf.enqueue(token(CC_ACCESS, null));
    sf.enqueue(json(200, RECORD));
    attempt(() -> ccClient.retrieve("Opportunity", OPP));
    sf.enqueue(json(401, INVALID_SESSION));
    sf.enqueue(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials "
        + CLIENT_SECRET + "\"}"));
    attempt(() -> ccClient.retrieve("Opportunity", OPP));
    sf.enqueue(json(503, "down"));
    sf.enqueue(json(503, "down"));
    sf.enqueue(json(503, "down"));
    sf.enqueue(json(503, "down"));
    attempt(() -> ccClient.retrieve("Opportunity", OPP)); // token endpoint unavailable, after retries
    see(ccClient);
  }

  @Test
  void tokenCommandsThatWorkAndThatFail() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "token commands run with /bin/sh, absent here");
    ClientFactory working = factory("SFDC_ACCESS_TOKEN_COMMAND", "printf '%s\\n' '" + SF_COMMAND_OUTPUT + "'",
        "CLARI_API_TOKEN_COMMAND", "printf '  %s  ' '" + CLARI_COMMAND_OUTPUT + "'");
    SalesforceClient client = working.salesforce().orElseThrow();
    sf.enqueue(json(200, RECORD));
    attempt(() -> client.retrieve("Opportunity", OPP));
    sf.enqueue(json(401, INVALID_SESSION));
    sf.enqueue(json(401, INVALID_SESSION));
    attempt(() -> client.retrieve("Opportunity", OPP)); // re-run gives the same rejected token
    ClariClient c = working.clari().orElseThrow();
    clari.enqueue(json(401, "{\"message\":\"Invalid authentication credentials\"}"));
    attempt(c::getAdminLimits); // re-run gives the same rejected token
    see(client);
    see(c);

    Path json = Files.writeString(dir.resolve("org.json"), "{\"status\":0,\"result\":{\"accessToken\":\""
        + SF_COMMAND_OUTPUT + "\",\"instanceUrl\":\"" + url(sf) + "\"}}");
    SalesforceClient fromCli = factory("SFDC_ACCESS_TOKEN_COMMAND", "cat '" + json + "'").salesforce().orElseThrow();
    sf.enqueue(json(200, RECORD));
    attempt(() -> fromCli.retrieve("Opportunity", OPP));

    ClientFactory failing = factory(
        "SFDC_ACCESS_TOKEN_COMMAND", "echo '" + SF_COMMAND_OUTPUT + "'; echo '" + SF_COMMAND_OUTPUT + "' >&2; exit 7",
        "CLARI_API_TOKEN_COMMAND", "echo '" + CLARI_COMMAND_OUTPUT + "'; exit 9");
    attempt(() -> failing.salesforce().orElseThrow().retrieve("Opportunity", OPP));
    attempt(() -> failing.clari().orElseThrow().getAdminLimits());
    ClientFactory wordy = factory("SFDC_ACCESS_TOKEN_COMMAND", "echo 'token: " + SF_COMMAND_OUTPUT + "'",
        "CLARI_API_TOKEN_COMMAND", "echo 'token: " + CLARI_COMMAND_OUTPUT + "'");
    attempt(() -> wordy.salesforce().orElseThrow().retrieve("Opportunity", OPP));
    attempt(() -> wordy.clari().orElseThrow().getAdminLimits());
    attempt(() -> factory("SFDC_ACCESS_TOKEN_COMMAND", "printf '{\"result\":{\"token\":\"%s\"}}' '" + SF_COMMAND_OUTPUT
        + "'").salesforce().orElseThrow().retrieve("Opportunity", OPP));
    see(failing);
  }

  @Test
  void staticTokenExpiryConfigurationErrorsAndProviderRenderings() {
    SalesforceClient client = factory("SFDC_ACCESS_TOKEN", ACCESS_1).salesforce().orElseThrow();
    sf.enqueue(json(401, INVALID_SESSION));
    attempt(() -> client.retrieve("Opportunity", OPP));
    see(client);

    List<Map<String, String>> bad = List.of(
        Map.of("SFDC_INSTANCE_URL", "https://acme.my.salesforce.com", "SFDC_ACCESS_TOKEN", ACCESS_1,
            "SFDC_CLIENT_SECRET", CLIENT_SECRET, "SFDC_CLIENT_ID", "id"),
        Map.of("SFDC_INSTANCE_URL", "https://acme.my.salesforce.com", "SFDC_REFRESH_TOKEN", REFRESH),
        Map.of("SFDC_ACCESS_TOKEN_COMMAND", "echo " + SF_COMMAND_OUTPUT, "SFDC_REFRESH_TOKEN", REFRESH,
            "SFDC_INSTANCE_URL", "https://acme.my.salesforce.com"),
        Map.of("SFDC_INSTANCE_URL", "http://acme.my.salesforce.com", "SFDC_ACCESS_TOKEN", ACCESS_1),
        Map.of("SFDC_PASSWORD", CLIENT_SECRET, "SFDC_USERNAME", "u@acme.example"),
        Map.of("CLARI_API_TOKEN", CLARI_TOKEN, "CLARI_API_TOKEN_COMMAND", "echo " + CLARI_COMMAND_OUTPUT),
        Map.of("SFDC_INSTANCE_URL", "https://acme.my.salesforce.com", "SFDC_CLIENT_ID", "id",
            "SFDC_USERNAME", "u@acme.example", "SFDC_JWT_KEY_FILE", keyFile.toString(), "SFDC_CLIENT_SECRET", CLIENT_SECRET));
    for (Map<String, String> env : bad) {
      attempt(() -> RevOpsConfig.fromEnvironment(env));
    }

    // every provider and source, as an application embedding the SDKs would hold them
    see(io.revops.salesforce.StaticTokenProvider.of(ACCESS_1));
    see(io.revops.salesforce.AccessToken.of(ACCESS_1, "https://acme.my.salesforce.com"));
    see(io.revops.salesforce.auth.OAuthTokenProvider.of(io.revops.salesforce.auth.RefreshTokenFlow.builder()
        .clientId("id").clientSecret(CLIENT_SECRET).refreshToken(REFRESH).build()));
    see(io.revops.salesforce.auth.OAuthTokenProvider.of(io.revops.salesforce.auth.ClientCredentialsFlow.builder()
        .myDomainUrl("https://acme.my.salesforce.com").clientId("id").clientSecret(CLIENT_SECRET).build()));
    io.revops.salesforce.auth.JwtBearerFlow jwt = io.revops.salesforce.auth.JwtBearerFlow.builder().clientId("id")
        .username("u@acme.example").privateKeyFile(keyFile).build();
    see(jwt);
    see(io.revops.salesforce.auth.OAuthTokenProvider.of(jwt));
    see(io.revops.salesforce.auth.CommandTokenProvider.of("echo " + SF_COMMAND_OUTPUT));
    see(io.revops.clari.CommandTokenSource.of("echo " + CLARI_COMMAND_OUTPUT));
    see(io.revops.clari.ClariTokenSource.of(CLARI_TOKEN));
  }

  /** A clock that moves only when something sleeps on it; serves both SDKs' sleeper interfaces. */
  static final class FakeTime extends Clock implements io.revops.salesforce.Sleeper, io.revops.clari.Sleeper {
    private Instant now = Instant.parse("2026-05-01T00:00:00Z");

    @Override
    public synchronized void sleep(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
