package io.revops.core.config;

import static io.revops.core.config.ConfigVariable.*;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The whole configuration of revops-mcp, read once from an environment map and immutable after.
 * Either backend may be absent (its settings are then empty); an invalid value fails at start with
 * a {@link ConfigurationException} naming the variable. {@link #toString()} shows no secret.
 *
 * @param clari how to reach Clari, when {@code CLARI_API_TOKEN} or {@code CLARI_API_TOKEN_COMMAND} is set
 * @param salesforce how to reach Salesforce, when {@code SFDC_INSTANCE_URL} and a credential are set (see
 *     {@link SalesforceCredential} for how the credential is chosen)
 * @param readOnly whether writes are switched off ({@code REVOPS_READ_ONLY})
 * @param dryRun whether calls return their request plan by default ({@code REVOPS_DRY_RUN})
 * @param writableFields the fields writes may change; empty means any updateable field
 * @param forecastCacheTtl how long a forecast answer is reused; zero disables the cache
 */
public record RevOpsConfig(
    Optional<ClariSettings> clari,
    Optional<SalesforceSettings> salesforce,
    boolean readOnly,
    boolean dryRun,
    Set<FieldRef> writableFields,
    Duration forecastCacheTtl) {

  private static final Pattern API_VERSION = Pattern.compile("v\\d{2,3}\\.\\d");
  private static final Pattern FORECAST_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");
  private static final Pattern CUSTOM_OBJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*__c");

  public RevOpsConfig {
    Objects.requireNonNull(clari, "clari");
    Objects.requireNonNull(salesforce, "salesforce");
    writableFields = Set.copyOf(writableFields);
    Objects.requireNonNull(forecastCacheTtl, "forecastCacheTtl");
  }

  /** Reads the configuration; the server passes {@code System.getenv()}, tests pass a map. */
  public static RevOpsConfig fromEnvironment(Map<String, String> environment) {
    EnvironmentReader env = new EnvironmentReader(environment);
    return new RevOpsConfig(
        clariSettings(env),
        salesforceSettings(env),
        env.bool(REVOPS_READ_ONLY.name(), false),
        env.bool(REVOPS_DRY_RUN.name(), false),
        writableFields(env),
        env.seconds(REVOPS_FORECAST_CACHE_TTL_SECONDS.name(), 600, 0, 86_400));
  }

  /** Whether at least one backend is configured. */
  public boolean hasAnyBackend() {
    return clari.isPresent() || salesforce.isPresent();
  }

  /** Whether {@code object.field} may be written under {@code REVOPS_WRITABLE_FIELDS}. */
  public boolean allowsWriteTo(String object, String field) {
    return writableFields.isEmpty() || writableFields.stream().anyMatch(f -> f.matches(object, field));
  }

  private static Optional<ClariSettings> clariSettings(EnvironmentReader env) {
    Optional<Secret> token = env.secret(CLARI_API_TOKEN.name());
    Optional<Secret> command = env.secret(CLARI_API_TOKEN_COMMAND.name());
    if (token.isPresent() && command.isPresent()) {
      throw new ConfigurationException(CLARI_API_TOKEN_COMMAND.name(), "is set together with CLARI_API_TOKEN: set"
          + " only one of them (the command, to read the token from a secret store; or the token itself)");
    }
    if (token.isEmpty() && command.isEmpty()) {
      return Optional.empty();
    }
    ClariCredential credential = token.<ClariCredential>map(ClariCredential.ApiToken::new)
        .orElseGet(() -> new ClariCredential.Command(command.orElseThrow()));
    Optional<String> forecastId = env.string(CLARI_FORECAST_ID.name());
    forecastId.ifPresent(id -> env.matching(CLARI_FORECAST_ID.name(), id, FORECAST_ID,
        "a Forecast Tab id: the slug in the Clari forecast URL, such as net_arr"));
    return Optional.of(new ClariSettings(
        credential,
        env.url(CLARI_BASE_URL.name(), "https://api.clari.com/v4"),
        forecastId,
        env.integer(CLARI_POLL_MAX_ATTEMPTS.name(), 12, 1, 1000),
        env.seconds(CLARI_POLL_INTERVAL_SECONDS.name(), 5, 1, 300),
        env.bool(CLARI_SYNC_FORECAST.name(), true)));
  }

  /**
   * Salesforce is configured when {@code SFDC_INSTANCE_URL} and one credential are set. The instance URL
   * stays required for the OAuth flows too (whose token responses name the instance): dry runs and plans
   * need it before any token is fetched, the client-credentials flow needs the My Domain anyway, and
   * whether Salesforce is configured is then decided at start without a network call.
   */
  private static Optional<SalesforceSettings> salesforceSettings(EnvironmentReader env) {
    SalesforceCredentials.refuseUsernamePassword(env);
    boolean hasUrl = env.string(SFDC_INSTANCE_URL.name()).isPresent();
    Set<ConfigVariable> credentialVariables = SalesforceCredentials.present(env);
    if (!hasUrl && credentialVariables.isEmpty()) {
      return Optional.empty();
    }
    if (!hasUrl) {
      String names = credentialVariables.stream().map(Enum::name).collect(Collectors.joining(", "));
      throw new ConfigurationException(SFDC_INSTANCE_URL.name(), "is not set, but " + names
          + (credentialVariables.size() == 1 ? " is" : " are") + ": set it to your org's My Domain URL, such as"
          + " https://acme.my.salesforce.com");
    }
    URI instanceUrl = env.url(SFDC_INSTANCE_URL.name(), "");
    if (credentialVariables.isEmpty()) {
      throw new ConfigurationException(SFDC_INSTANCE_URL.name(), "is set, but no Salesforce credential is: "
          + SalesforceCredentials.OPTIONS);
    }
    return Optional.of(new SalesforceSettings(
        instanceUrl,
        SalesforceCredentials.choose(env, credentialVariables, instanceUrl),
        env.matching(SFDC_API_VERSION.name(), "v60.0", API_VERSION, "an API version such as v60.0"),
        env.matching(SFDC_AUDIT_OBJECT.name(), "Cleanup_Audit__c", CUSTOM_OBJECT,
            "a custom object API name such as Cleanup_Audit__c"),
        env.string(SFDC_COMMIT_STAGE_NAME.name(), "Commit")));
  }

  private static Set<FieldRef> writableFields(EnvironmentReader env) {
    Optional<String> list = env.string(REVOPS_WRITABLE_FIELDS.name());
    Set<FieldRef> fields = new LinkedHashSet<>();
    list.ifPresent(text -> Arrays.stream(text.split(","))
        .filter(item -> !item.isBlank())
        .forEach(item -> fields.add(parseWritableField(item))));
    return fields;
  }

  private static FieldRef parseWritableField(String item) {
    try {
      return FieldRef.parse(item);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(REVOPS_WRITABLE_FIELDS.name(),
          e.getMessage() + "; list fields separated by commas, such as Opportunity.NextStep,Opportunity.CloseDate");
    }
  }
}
