package io.revops.core.config;

import io.revops.clari.ClariClient;
import io.revops.clari.ClariTokenSource;
import io.revops.clari.CommandTokenSource;
import io.revops.salesforce.AccessTokenProvider;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.StaticTokenProvider;
import io.revops.salesforce.auth.ClientCredentialsFlow;
import io.revops.salesforce.auth.CommandTokenProvider;
import io.revops.salesforce.auth.JwtBearerFlow;
import io.revops.salesforce.auth.OAuthFlow;
import io.revops.salesforce.auth.OAuthTokenProvider;
import io.revops.salesforce.auth.RefreshTokenFlow;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/**
 * Builds the {@link SalesforceClient} and {@link ClariClient} a {@link RevOpsConfig} describes, each with the
 * token provider its credential calls for. Nothing is built before it is asked for: creating the factory
 * (at server start) makes no HTTP client, runs no command and requests no token. Both clients and every
 * token provider derive from one {@link OkHttpClient}, so they share one connection pool and dispatcher.
 * Thread-safe; {@link #close()} releases the pooled connections.
 */
public final class ClientFactory implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ClientFactory.class.getName());

  /** Clock and sleepers of the clients; tests replace them to run retries in virtual time. */
  record Timing(Clock clock, io.revops.salesforce.Sleeper salesforceSleeper, io.revops.clari.Sleeper clariSleeper) {
    static final Timing REAL = new Timing(Clock.systemUTC(), io.revops.salesforce.Sleeper.system(),
        io.revops.clari.Sleeper.system());
  }

  private final RevOpsConfig config;
  private final Supplier<OkHttpClient> httpFactory;
  private final Timing timing;
  private OkHttpClient http; // guarded by this
  private SalesforceClient salesforce; // guarded by this
  private ClariClient clari; // guarded by this

  ClientFactory(RevOpsConfig config, Supplier<OkHttpClient> httpFactory, Timing timing) {
    this.config = Objects.requireNonNull(config, "config");
    this.httpFactory = Objects.requireNonNull(httpFactory, "httpFactory");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /** A factory for {@code config}; builds nothing yet. */
  public static ClientFactory of(RevOpsConfig config) {
    return new ClientFactory(config, OkHttpClient::new, Timing.REAL);
  }

  /**
   * A factory for {@code config} whose clients derive from the OkHttp client {@code httpClient} supplies
   * (asked once, on first use): a caller can add interceptors, such as the MCP server's per-call status
   * log or the doctor's guard that lets only GET requests through. Builds nothing yet.
   */
  public static ClientFactory of(RevOpsConfig config, Supplier<OkHttpClient> httpClient) {
    return new ClientFactory(config, httpClient, Timing.REAL);
  }

  public RevOpsConfig config() {
    return config;
  }

  /** The Salesforce client, built on first call; empty when Salesforce is not configured. */
  public synchronized Optional<SalesforceClient> salesforce() {
    if (salesforce == null && config.salesforce().isPresent()) {
      salesforce = buildSalesforce(config.salesforce().get());
    }
    return Optional.ofNullable(salesforce);
  }

  /** The Clari client, built on first call; empty when Clari is not configured. */
  public synchronized Optional<ClariClient> clari() {
    if (clari == null && config.clari().isPresent()) {
      clari = buildClari(config.clari().get());
    }
    return Optional.ofNullable(clari);
  }

  /** Closes the shared connection pool's idle connections; clients already handed out stay usable. */
  @Override
  public synchronized void close() {
    if (http != null) {
      http.connectionPool().evictAll();
    }
  }

  private OkHttpClient http() {
    if (http == null) {
      http = httpFactory.get();
    }
    return http;
  }

  private SalesforceClient buildSalesforce(SalesforceSettings settings) {
    AccessTokenProvider tokens = tokenProvider(settings);
    LOG.log(Level.INFO, "Salesforce: {0} for {1}", new Object[] {settings.credential().method(), settings.instanceUrl()});
    return SalesforceClient.builder()
        .instanceUrl(settings.instanceUrl().toString())
        .apiVersion(settings.apiVersion())
        .tokenProvider(tokens)
        .httpClient(http())
        .clock(timing.clock())
        .sleeper(timing.salesforceSleeper())
        .build();
  }

  private AccessTokenProvider tokenProvider(SalesforceSettings settings) {
    SalesforceCredential credential = settings.credential();
    if (credential instanceof SalesforceCredential.StaticToken s) {
      return StaticTokenProvider.of(s.accessToken().reveal());
    }
    if (credential instanceof SalesforceCredential.Command c) {
      return CommandTokenProvider.builder(c.command().reveal()).label(ConfigVariable.SFDC_ACCESS_TOKEN_COMMAND.name())
          .build();
    }
    if (credential instanceof SalesforceCredential.RefreshToken r) {
      RefreshTokenFlow.Builder flow = RefreshTokenFlow.builder().loginUrl(r.loginUrl().toString())
          .clientId(r.clientId()).refreshToken(r.refreshToken().reveal());
      r.clientSecret().ifPresent(secret -> flow.clientSecret(secret.reveal()));
      OAuthTokenProvider.Builder provider = oauth(flow.build()).onRefreshTokenRotated(rotated -> warnRotation());
      r.initialAccessToken().ifPresent(token -> provider.initialAccessToken(token.reveal()));
      return provider.build();
    }
    if (credential instanceof SalesforceCredential.JwtBearer j) {
      return oauth(JwtBearerFlow.builder().loginUrl(j.loginUrl().toString()).clientId(j.clientId())
          .username(j.username()).privateKeyFile(j.keyFile()).build()).build();
    }
    if (credential instanceof SalesforceCredential.ClientCredentials c) {
      return oauth(ClientCredentialsFlow.builder().myDomainUrl(c.myDomainUrl().toString()).clientId(c.clientId())
          .clientSecret(c.clientSecret().reveal()).build()).build();
    }
    throw new IllegalStateException("unknown Salesforce credential " + credential.method());
  }

  private OAuthTokenProvider.Builder oauth(OAuthFlow flow) {
    return OAuthTokenProvider.builder(flow).httpClient(http()).clock(timing.clock()).sleeper(timing.salesforceSleeper());
  }

  /** The rotated token lives in memory only: the configured one no longer works after a restart. */
  private static void warnRotation() {
    LOG.log(Level.WARNING, "Salesforce rotated the refresh token: this process keeps the new one in memory, but"
        + " SFDC_REFRESH_TOKEN no longer works after a restart. Turn off refresh token rotation for this app, or"
        + " use the JWT bearer or client-credentials flow for an unattended server.");
  }

  private ClariClient buildClari(ClariSettings settings) {
    ClariTokenSource tokens = settings.credential() instanceof ClariCredential.Command c
        ? CommandTokenSource.builder(c.command().reveal()).label(ConfigVariable.CLARI_API_TOKEN_COMMAND.name()).build()
        : ClariTokenSource.of(((ClariCredential.ApiToken) settings.credential()).token().reveal());
    return ClariClient.builder()
        .baseUrl(settings.baseUrl().toString())
        .tokenSource(tokens)
        .fastPath(settings.syncForecast())
        .httpClient(http())
        .clock(timing.clock())
        .sleeper(timing.clariSleeper())
        .build();
  }

  @Override
  public synchronized String toString() {
    return "ClientFactory[salesforce=" + state(config.salesforce().isPresent(), salesforce != null)
        + ", clari=" + state(config.clari().isPresent(), clari != null) + "]";
  }

  private static String state(boolean configured, boolean built) {
    return !configured ? "not configured" : built ? "built" : "configured";
  }
}
