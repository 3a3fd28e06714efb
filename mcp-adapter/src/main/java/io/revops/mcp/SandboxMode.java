package io.revops.mcp;

import static io.revops.core.config.ConfigVariable.CLARI_API_TOKEN;
import static io.revops.core.config.ConfigVariable.CLARI_BASE_URL;
import static io.revops.core.config.ConfigVariable.CLARI_FORECAST_ID;
import static io.revops.core.config.ConfigVariable.CLARI_POLL_INTERVAL_SECONDS;
import static io.revops.core.config.ConfigVariable.CLARI_POLL_MAX_ATTEMPTS;
import static io.revops.core.config.ConfigVariable.CLARI_SYNC_FORECAST;
import static io.revops.core.config.ConfigVariable.REVOPS_DRY_RUN;
import static io.revops.core.config.ConfigVariable.REVOPS_FORECAST_CACHE_TTL_SECONDS;
import static io.revops.core.config.ConfigVariable.REVOPS_READ_ONLY;
import static io.revops.core.config.ConfigVariable.REVOPS_WRITABLE_FIELDS;
import static io.revops.core.config.ConfigVariable.SFDC_ACCESS_TOKEN;
import static io.revops.core.config.ConfigVariable.SFDC_AUDIT_OBJECT;
import static io.revops.core.config.ConfigVariable.SFDC_COMMIT_STAGE_NAME;
import static io.revops.core.config.ConfigVariable.SFDC_INSTANCE_URL;

import io.revops.core.config.ConfigVariable;
import io.revops.core.config.ConfigurationException;
import io.revops.core.config.RevOpsConfig;
import io.revops.sandbox.Sandbox;
import io.revops.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --sandbox}: serves (or checks) the embedded {@link Sandbox} instead of a real org and tenant.
 * The configuration is the one {@link RevOpsConfig#fromEnvironment} reads, from an environment that
 * points both backends at the sandbox's loopback URLs with its tokens, {@code CLARI_FORECAST_ID=net_arr},
 * commit stage {@code Commit} and audit object {@code Cleanup_Audit__c}. Of the user's environment only
 * the variables that shape the server's behaviour are kept ({@link #KEPT}); every variable naming a real
 * org, tenant or credential is ignored, and {@link #ignoredVariables()} names those that were set.
 */
final class SandboxMode {
  /** Pins the sandbox's day, for reproducible demos and tests. */
  static final String TODAY_VARIABLE = "REVOPS_SANDBOX_TODAY";
  /** The sandbox's Forecast Tab for net new ARR (it also has {@code renewals}). */
  static final String FORECAST_ID = "net_arr";
  static final String COMMIT_STAGE = "Commit";
  static final String AUDIT_OBJECT = "Cleanup_Audit__c";
  /** The hour of the pinned day at which the sandbox's clock starts: far from either midnight. */
  static final LocalTime PINNED_TIME = LocalTime.NOON;

  /** How the server behaves, not which org or tenant it reaches: kept from the user's environment. */
  private static final Set<ConfigVariable> KEPT = EnumSet.of(CLARI_POLL_MAX_ATTEMPTS, CLARI_POLL_INTERVAL_SECONDS,
      CLARI_SYNC_FORECAST, REVOPS_READ_ONLY, REVOPS_DRY_RUN, REVOPS_WRITABLE_FIELDS,
      REVOPS_FORECAST_CACHE_TTL_SECONDS);
  /** Never contacted: the tools are listed from a configuration with these before the sandbox listens. */
  private static final String UNSTARTED_URL = "http://127.0.0.1:9";

  private final Map<String, String> userEnvironment;
  private final Clock clock;

  private SandboxMode(Map<String, String> userEnvironment, Clock clock) {
    this.userEnvironment = Map.copyOf(userEnvironment);
    this.clock = clock;
  }

  /**
   * Reads {@value #TODAY_VARIABLE} and checks the kept variables.
   *
   * @throws ConfigurationException naming the variable, when one of them is invalid
   */
  static SandboxMode of(Map<String, String> environment, Clock system) {
    SandboxMode mode = new SandboxMode(environment, clock(environment.get(TODAY_VARIABLE), system));
    mode.placeholderConfig();
    return mode;
  }

  private static Clock clock(String today, Clock system) {
    if (today == null || today.isBlank()) {
      return system;
    }
    try {
      return new SandboxClock(LocalDate.parse(today.strip()).atTime(PINNED_TIME).toInstant(ZoneOffset.UTC), system);
    } catch (DateTimeParseException e) {
      throw new ConfigurationException(TODAY_VARIABLE, "is '" + today.strip() + "', not a date: set it to the day"
          + " the sample data should be generated for, such as 2026-05-14, or leave it unset for today");
    }
  }

  /** The clock of the sandbox and of every "today" the tools compute: the same, so that both agree. */
  Clock clock() {
    return clock;
  }

  /** The sandbox's options: the default seed, this clock. */
  SandboxOptions options() {
    return SandboxOptions.builder().clock(clock).build();
  }

  /** Starts the sandbox; its HTTP threads are daemons only when the calling thread is one. */
  Sandbox start() {
    return Sandbox.start(options());
  }

  /** The configuration for a running sandbox. */
  RevOpsConfig config(Sandbox sandbox) {
    return RevOpsConfig.fromEnvironment(environment(sandbox.salesforceInstanceUrl(), sandbox.clariBaseUrl()));
  }

  /**
   * The same configuration but for URLs that nothing listens on: what the tool list is built from
   * while the sandbox starts (the list depends on which backends are configured and on read-only mode,
   * never on the URLs).
   */
  RevOpsConfig placeholderConfig() {
    return RevOpsConfig.fromEnvironment(environment(UNSTARTED_URL, UNSTARTED_URL + "/v4"));
  }

  /** The environment {@link RevOpsConfig#fromEnvironment} reads in sandbox mode. */
  Map<String, String> environment(String salesforceUrl, String clariUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    for (ConfigVariable variable : KEPT) {
      Optional.ofNullable(userEnvironment.get(variable.name())).ifPresent(value -> env.put(variable.name(), value));
    }
    env.put(CLARI_API_TOKEN.name(), Sandbox.CLARI_API_TOKEN);
    env.put(CLARI_BASE_URL.name(), clariUrl);
    env.put(CLARI_FORECAST_ID.name(), FORECAST_ID);
    env.put(SFDC_INSTANCE_URL.name(), salesforceUrl);
    env.put(SFDC_ACCESS_TOKEN.name(), Sandbox.SALESFORCE_ACCESS_TOKEN);
    env.put(SFDC_AUDIT_OBJECT.name(), AUDIT_OBJECT);
    env.put(SFDC_COMMIT_STAGE_NAME.name(), COMMIT_STAGE);
    return env;
  }

  /** The names of the user's variables that sandbox mode ignores and that are set (never their values). */
  List<String> ignoredVariables() {
    List<String> ignored = new ArrayList<>();
    for (ConfigVariable variable : ConfigVariable.values()) {
      String value = userEnvironment.get(variable.name());
      if (!KEPT.contains(variable) && value != null && !value.isBlank()) {
        ignored.add(variable.name());
      }
    }
    return ignored;
  }

  /** What the server says on stderr before anything else in sandbox mode. */
  String banner() {
    StringBuilder text = new StringBuilder("revops-mcp --sandbox: every answer is SAMPLE DATA of a fictional company,"
        + " served by an emulator of the Salesforce and Clari APIs inside this process on 127.0.0.1. No real"
        + " Salesforce org or Clari tenant is contacted; writes change only this process's copy, gone when it stops.");
    List<String> ignored = ignoredVariables();
    if (!ignored.isEmpty()) {
      text.append("\nrevops-mcp --sandbox: ignoring ").append(String.join(", ", ignored))
          .append(" from the environment (the sandbox needs no credentials); start without --sandbox to use ")
          .append(ignored.size() == 1 ? "it." : "them.");
    }
    return text.toString();
  }

  /** What the server says on stderr once the sandbox listens. */
  static String ready(Sandbox sandbox) {
    return "revops-mcp --sandbox: sample data of " + sandbox.data().companyName() + " (a fictional company) for "
        + sandbox.data().today() + " ready on " + sandbox.salesforceInstanceUrl() + " (Salesforce) and "
        + sandbox.clariBaseUrl() + " (Clari).";
  }
}
