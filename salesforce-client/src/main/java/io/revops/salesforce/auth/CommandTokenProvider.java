package io.revops.salesforce.auth;

import io.revops.salesforce.AccessToken;
import io.revops.salesforce.AccessTokenProvider;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceApiException.Kind;
import io.revops.salesforce.internal.Json;
import io.revops.salesforce.internal.Loopback;
import io.revops.salesforce.internal.SecretCommand;
import io.revops.salesforce.internal.TokenCache;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/**
 * An {@link AccessTokenProvider} that runs a command to obtain the token, e.g. from a secret store
 * ({@code op read op://vault/salesforce/token}, {@code vault kv get -field=token secret/salesforce}) or the
 * Salesforce CLI. The command runs once at first use and again when a 401 shows the token went stale
 * (concurrent 401s share one run). It runs under {@code /bin/sh -c} ({@code cmd.exe /c} on Windows) with
 * no standard input and its standard error discarded, and is stopped after {@link Builder#timeout}.
 *
 * <p>Output: either the bare token (surrounding whitespace is trimmed), or the JSON that
 * {@code sf org display --json} prints, from which {@code result.accessToken} is the token and
 * {@code result.instanceUrl}, when present, the instance URL (which then wins over the configured one).
 * {@code sf org display} refreshes the CLI's session when needed, so re-running it after a 401 recovers.
 *
 * <p>A failing command is reported with its exit code, never with its output or its command line; neither
 * appears in {@code toString()} or logs.
 */
public final class CommandTokenProvider implements AccessTokenProvider {
  /** The default time a command may run. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = Logger.getLogger(CommandTokenProvider.class.getName());

  private final SecretCommand command;
  private final TokenCache cache;

  private CommandTokenProvider(SecretCommand command) {
    this.command = command;
    this.cache = new TokenCache(this::runCommand);
  }

  /** A provider running {@code command}, named "the access token command" in messages. */
  public static CommandTokenProvider of(String command) {
    return builder(command).build();
  }

  public static Builder builder(String command) {
    return new Builder(command);
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
    return command.label() + " printed a token that Salesforce rejected even right after running it again: check"
        + " that the command prints a current access token for this org.";
  }

  private AccessToken runCommand() {
    String output;
    try {
      output = command.run();
    } catch (SecretCommand.Failure e) {
      throw failure(e.getMessage());
    }
    AccessToken token = output.startsWith("{") ? fromSfJson(output) : fromText(output);
    LOG.log(Level.INFO, "Salesforce: obtained an access token from {0}", command.label());
    return token;
  }

  private AccessToken fromText(String output) {
    if (output.chars().anyMatch(Character::isWhitespace)) {
      throw failure(command.label() + " printed more than one word; it should print only the access token (for the"
          + " Salesforce CLI use `sf org display --json`, which this provider reads).");
    }
    return AccessToken.of(output);
  }

  /** {@code {"status":0,"result":{"accessToken":"…","instanceUrl":"…"}}} from {@code sf org display --json}. */
  private AccessToken fromSfJson(String output) {
    Object json;
    try {
      json = Json.parse(output);
    } catch (IOException | RuntimeException e) {
      throw failure(command.label() + " printed text starting with '{' that is not JSON; print either the bare"
          + " token or the JSON of `sf org display --json`.");
    }
    Object result = json instanceof Map<?, ?> map ? map.get("result") : null;
    Object token = result instanceof Map<?, ?> r ? r.get("accessToken") : null;
    if (!(token instanceof String value) || value.isBlank()) {
      throw failure(command.label() + " printed JSON without a string at result.accessToken (the path"
          + " `sf org display --json` uses); check that the CLI is logged in to the org.");
    }
    Object instance = ((Map<?, ?>) result).get("instanceUrl");
    if (instance instanceof String url && !url.isBlank()) {
      HttpUrl parsed = HttpUrl.parse(url.strip());
      if (parsed == null || !Loopback.maySendToken(parsed)) {
        throw failure(command.label() + " printed result.instanceUrl '" + url + "', which is not an https URL.");
      }
      return AccessToken.of(value, url.strip());
    }
    return AccessToken.of(value);
  }

  private static SalesforceApiException failure(String message) {
    return new SalesforceApiException(Kind.AUTHENTICATION_FAILED, message, 0, "", List.of(), Optional.empty(), null);
  }

  @Override
  public String toString() {
    return "CommandTokenProvider[" + command.label() + "]";
  }

  /** Configures a {@link CommandTokenProvider}. */
  public static final class Builder {
    private final String command;
    private String label = "the access token command";
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(String command) {
      this.command = Objects.requireNonNull(command, "command");
    }

    /** How messages name the command, e.g. {@code SFDC_ACCESS_TOKEN_COMMAND}; the command itself is never shown. */
    public Builder label(String label) {
      this.label = Objects.requireNonNull(label, "label");
      return this;
    }

    /** How long the command may run before it is stopped; default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Builds the provider; runs nothing yet. */
    public CommandTokenProvider build() {
      return new CommandTokenProvider(new SecretCommand(command, label, timeout));
    }
  }
}
