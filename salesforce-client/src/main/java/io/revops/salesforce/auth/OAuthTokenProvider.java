package io.revops.salesforce.auth;

import io.revops.salesforce.AccessToken;
import io.revops.salesforce.AccessTokenProvider;
import io.revops.salesforce.RetryPolicy;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.Sleeper;
import io.revops.salesforce.Timeouts;
import io.revops.salesforce.internal.Retries;
import io.revops.salesforce.internal.TokenCache;
import io.revops.salesforce.internal.TokenEndpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/**
 * An {@link AccessTokenProvider} that runs an {@link OAuthFlow} against Salesforce's token endpoint.
 * Thread-safe.
 *
 * <ul>
 *   <li>The first token is requested at first use, not at construction (or, with
 *       {@link Builder#initialAccessToken}, once that token is rejected).
 *   <li>{@link #refresh(AccessToken)} requests a new token once however many calls were rejected at the
 *       same moment: callers that arrive while a request is running share its result, and a caller whose
 *       rejected token was already replaced gets the replacement without a request.
 *   <li>A refused grant fails with {@link SalesforceApiException.Kind#AUTHENTICATION_FAILED} and a message
 *       saying what to fix; it is not retried in a loop (the client retries a request at most once after a
 *       refresh, and the next call asks the endpoint again).
 *   <li>With refresh-token rotation, the newest refresh token is kept and used for the next refresh, and
 *       handed to {@link Builder#onRefreshTokenRotated} so that an application can persist it.
 *   <li>The token response's {@code instance_url} travels with the token and wins over the client's
 *       configured instance URL.
 * </ul>
 */
public final class OAuthTokenProvider implements AccessTokenProvider {
  private static final Logger LOG = Logger.getLogger(OAuthTokenProvider.class.getName());

  private final TokenEndpoint endpoint;
  private final TokenCache cache;
  private final Clock clock;
  private final Consumer<String> rotationListener;
  private volatile OAuthFlow flow;

  private OAuthTokenProvider(Builder b) {
    this.flow = b.flow;
    this.clock = b.clock;
    this.rotationListener = b.rotationListener;
    OkHttpClient http = b.httpClient.newBuilder()
        .connectTimeout(b.timeouts.connect())
        .readTimeout(b.timeouts.read())
        .writeTimeout(b.timeouts.read())
        .callTimeout(b.timeouts.call())
        .build();
    Retries retries = new Retries(b.retryPolicy, b.sleeper, b.clock, () -> ThreadLocalRandom.current().nextDouble());
    this.endpoint = new TokenEndpoint(http, flow.loginHttpUrl(), retries);
    this.cache = new TokenCache(this::requestToken, b.initialToken);
  }

  /** A provider for {@code flow} with default transport settings. */
  public static OAuthTokenProvider of(OAuthFlow flow) {
    return builder(flow).build();
  }

  public static Builder builder(OAuthFlow flow) {
    return new Builder(flow);
  }

  /** The flow this provider runs (with the newest refresh token, after rotation). */
  public OAuthFlow flow() {
    return flow;
  }

  /** The token endpoint, e.g. {@code https://login.salesforce.com/services/oauth2/token}. */
  public String tokenUrl() {
    return endpoint.url().toString();
  }

  @Override
  public AccessToken current() {
    return cache.current();
  }

  @Override
  public Optional<AccessToken> refresh(AccessToken rejected) {
    return Optional.of(cache.refresh(Objects.requireNonNull(rejected, "rejected")));
  }

  @Override
  public String refreshAdvice() {
    return "Salesforce rejected a token just issued by the " + flow.grantName() + "; check the app's session"
        + " policies and that the user may use the API.";
  }

  private AccessToken requestToken() {
    OAuthFlow current = flow;
    Map<String, String> form = current.form(clock.instant());
    List<String> secrets = new ArrayList<>(current.secrets());
    form.forEach((name, value) -> {
      if (!name.equals("grant_type") && !name.equals("client_id")) {
        secrets.add(value); // e.g. a signed assertion: usable by anyone for minutes
      }
    });
    TokenEndpoint.Tokens tokens = endpoint.request("the " + current.grantName(), form, secrets, current::advice);
    if (current instanceof RefreshTokenFlow refresh && tokens.refreshToken().isPresent()
        && !refresh.usesRefreshToken(tokens.refreshToken().get())) {
      rotate(refresh, tokens.refreshToken().get());
    }
    LOG.log(Level.INFO, "Salesforce: obtained an access token with the {0} from {1}{2}",
        new Object[] {current.grantName(), current.loginUrl(),
            tokens.instanceUrl().map(u -> " for instance " + u).orElse("")});
    return new AccessToken(tokens.accessToken(), tokens.instanceUrl());
  }

  private void rotate(RefreshTokenFlow refresh, String rotated) {
    flow = refresh.withRefreshToken(rotated);
    LOG.log(Level.INFO, "Salesforce rotated the refresh token; using the new one from now on");
    try {
      rotationListener.accept(rotated);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The refresh-token rotation listener failed ({0}); the new refresh token is kept in"
          + " memory only", e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "OAuthTokenProvider[" + flow + "]";
  }

  /** Configures an {@link OAuthTokenProvider}. */
  public static final class Builder {
    private final OAuthFlow flow;
    private OkHttpClient httpClient;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private Consumer<String> rotationListener = rotated -> { };
    private AccessToken initialToken;

    private Builder(OAuthFlow flow) {
      this.flow = Objects.requireNonNull(flow, "flow");
    }

    /** The OkHttp client to share a connection pool and dispatcher with; never shut down by the provider. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Timeouts of each token request; default {@link Timeouts#DEFAULT}. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** How token requests are retried on connection failures, 429, 502, 503 and 504. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** How to wait between retries (virtual time in tests). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The clock for JWT expiry and retry budgets (virtual time in tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Called with the new refresh token whenever Salesforce rotates it, so that it can be persisted (the
     * old one no longer works). The value is a secret. Called while token requests are held, so keep it short.
     */
    public Builder onRefreshTokenRotated(Consumer<String> listener) {
      this.rotationListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * An access token to use until Salesforce rejects it (e.g. one issued together with the refresh
     * token), saving the first token request. It is used against the client's configured instance URL.
     */
    public Builder initialAccessToken(String accessToken) {
      this.initialToken = AccessToken.of(Objects.requireNonNull(accessToken, "accessToken"));
      return this;
    }

    public OAuthTokenProvider build() {
      if (httpClient == null) {
        httpClient = new OkHttpClient();
      }
      return new OAuthTokenProvider(this);
    }
  }
}
