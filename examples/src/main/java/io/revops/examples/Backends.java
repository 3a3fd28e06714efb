package io.revops.examples;

import io.revops.clari.ClariClient;
import io.revops.clari.Sleeper;
import io.revops.core.config.ClariSettings;
import io.revops.core.config.RevOpsConfig;
import io.revops.core.config.SalesforceSettings;
import io.revops.salesforce.SalesforceClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the programs' SDK clients point: the Salesforce org and Clari tenant the environment names
 * (the same variables as the MCP server, read by {@link RevOpsConfig#fromEnvironment}), or, for a
 * service the environment leaves unset, the built-in sandbox with its sample data, started on first
 * need. Nothing is read or started until a program asks, so {@code --help} and {@code soql-lint} work
 * with any environment.
 */
final class Backends implements AutoCloseable {
  /** A running stand-in for both services; it describes itself as the environment variables that reach it. */
  interface SampleServer extends AutoCloseable {
    /** Variables in the server's format ({@code SFDC_INSTANCE_URL}, {@code CLARI_BASE_URL}, ...) pointing here. */
    Map<String, String> environment();

    @Override
    void close();
  }

  /** A Salesforce client and the settings it was built from; {@code source} says which org, for people. */
  record Salesforce(SalesforceClient client, SalesforceSettings settings, String source) {}

  /** A Clari client and the settings it was built from; {@code source} says which tenant, for people. */
  record Clari(ClariClient client, ClariSettings settings, String source) {}

  private final Map<String, String> environment;
  private final Supplier<SampleServer> sandboxStarter;
  private final Clock clock;
  private final Sleeper sleeper;
  private RevOpsConfig config;
  private SampleServer sandbox;

  /**
   * @param environment the process environment ({@code System.getenv()}, or a map in tests)
   * @param sandboxStarter starts the sample server; called at most once
   * @param clock the programs' "today" and the Clari client's polling clock
   * @param sleeper how the Clari client waits between polls
   */
  Backends(Map<String, String> environment, Supplier<SampleServer> sandboxStarter, Clock clock, Sleeper sleeper) {
    this.environment = Map.copyOf(environment);
    this.sandboxStarter = Objects.requireNonNull(sandboxStarter, "sandboxStarter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The programs' clock: "today" for pipeline windows and the current quarter. */
  Clock clock() {
    return clock;
  }

  /** The org in {@code SFDC_INSTANCE_URL} and {@code SFDC_ACCESS_TOKEN}, else the sandbox. */
  synchronized Salesforce salesforce() {
    if (config().salesforce().isPresent()) {
      SalesforceSettings settings = config().salesforce().get();
      return new Salesforce(salesforceClient(settings), settings, "Salesforce org " + settings.instanceUrl());
    }
    SalesforceSettings settings = sandboxConfig().salesforce().orElseThrow();
    return new Salesforce(salesforceClient(settings), settings,
        "the built-in sandbox (sample data; set SFDC_INSTANCE_URL and SFDC_ACCESS_TOKEN to use your org)");
  }

  /** The tenant of {@code CLARI_API_TOKEN}, else the sandbox. */
  synchronized Clari clari() {
    if (config().clari().isPresent()) {
      ClariSettings settings = config().clari().get();
      return new Clari(clariClient(settings), settings, "Clari at " + settings.baseUrl());
    }
    ClariSettings settings = sandboxConfig().clari().orElseThrow();
    return new Clari(clariClient(settings), settings,
        "the built-in sandbox (sample data; set CLARI_API_TOKEN to use your Clari tenant)");
  }

  /** Stops the sandbox if it was started. */
  @Override
  public synchronized void close() {
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
    }
  }

  private RevOpsConfig config() {
    if (config == null) {
      config = RevOpsConfig.fromEnvironment(environment);
    }
    return config;
  }

  private RevOpsConfig sandboxConfig() {
    if (sandbox == null) {
      sandbox = sandboxStarter.get();
    }
    return RevOpsConfig.fromEnvironment(sandbox.environment());
  }

  private static SalesforceClient salesforceClient(SalesforceSettings settings) {
    return SalesforceClient.builder()
        .instanceUrl(settings.instanceUrl().toString())
        .apiVersion(settings.apiVersion())
        .accessToken(settings.accessToken().reveal())
        .build();
  }

  private ClariClient clariClient(ClariSettings settings) {
    return ClariClient.builder()
        .baseUrl(settings.baseUrl().toString())
        .apiToken(settings.apiToken().reveal())
        .fastPath(settings.syncForecast())
        .clock(clock)
        .sleeper(sleeper)
        .build();
  }
}
