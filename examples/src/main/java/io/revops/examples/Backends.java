package io.revops.examples;

import io.revops.clari.ClariClient;
import io.revops.clari.Sleeper;
import io.revops.core.config.ClariSettings;
import io.revops.core.config.ClientFactory;
import io.revops.core.config.RevOpsConfig;
import io.revops.core.config.SalesforceSettings;
import io.revops.salesforce.SalesforceClient;
import io.revops.sandbox.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the programs' SDK clients point. A service the environment configures (the same variables as
 * the MCP server, read by {@link RevOpsConfig#fromEnvironment}, any credential kind) is reached through
 * {@link ClientFactory}, as the server does; a service it leaves unset is the built-in {@link Sandbox},
 * started on first need with its sample data. Nothing is read or started until a program asks, so
 * {@code --help} and {@code soql-lint} work in any environment.
 */
final class Backends implements AutoCloseable {
  /** The sandbox's export jobs take about 3 s; a 1 s poll shows each status without waiting long. */
  private static final Duration SANDBOX_POLL_INTERVAL = Duration.ofSeconds(1);
  private static final int SANDBOX_POLL_ATTEMPTS = 30;

  /** A Salesforce client, the org's commit stage name, and which org it is, for people. */
  record Salesforce(SalesforceClient client, String commitStageName, String source) {}

  /** A Clari client, its default forecast tab and export polling, and which tenant it is, for people. */
  record Clari(ClariClient client, Optional<String> defaultForecastId, int pollMaxAttempts, Duration pollInterval,
      String source) {}

  private final Map<String, String> environment;
  private final Supplier<Sandbox> sandboxStarter;
  private final Clock clock;
  private final Sleeper sleeper;
  private ClientFactory factory;
  private Sandbox sandbox;

  /**
   * @param environment the process environment ({@code System.getenv()}, or a map in tests)
   * @param sandboxStarter starts the sandbox; called at most once
   * @param clock the programs' "today" and the sandbox clients' clock
   * @param sleeper how the sandbox's Clari client waits between export polls
   */
  Backends(Map<String, String> environment, Supplier<Sandbox> sandboxStarter, Clock clock, Sleeper sleeper) {
    this.environment = Map.copyOf(environment);
    this.sandboxStarter = Objects.requireNonNull(sandboxStarter, "sandboxStarter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The programs' clock: "today" for pipeline windows and the current quarter. */
  Clock clock() {
    return clock;
  }

  /** The org of {@code SFDC_INSTANCE_URL} and its credential, else the sandbox. */
  synchronized Salesforce salesforce() {
    Optional<SalesforceSettings> settings = factory().config().salesforce();
    if (settings.isPresent()) {
      return new Salesforce(factory().salesforce().orElseThrow(), settings.get().commitStageName(),
          "Salesforce org " + settings.get().instanceUrl() + " (" + settings.get().credential().method() + ")");
    }
    Sandbox sample = sandbox();
    SalesforceClient client = SalesforceClient.builder()
        .instanceUrl(sample.salesforceInstanceUrl())
        .accessToken(Sandbox.SALESFORCE_ACCESS_TOKEN)
        .build();
    return new Salesforce(client, sample.data().commitStageName(), sandboxSource(sample,
        "set SFDC_INSTANCE_URL and a credential such as SFDC_ACCESS_TOKEN to use your org"));
  }

  /** The tenant of {@code CLARI_API_TOKEN} (or its command), else the sandbox. */
  synchronized Clari clari() {
    Optional<ClariSettings> settings = factory().config().clari();
    if (settings.isPresent()) {
      ClariSettings clari = settings.get();
      return new Clari(factory().clari().orElseThrow(), clari.defaultForecastId(), clari.pollMaxAttempts(),
          clari.pollInterval(), "Clari at " + clari.baseUrl());
    }
    Sandbox sample = sandbox();
    ClariClient client = ClariClient.builder()
        .baseUrl(sample.clariBaseUrl())
        .apiToken(Sandbox.CLARI_API_TOKEN)
        .clock(clock)
        .sleeper(sleeper)
        .build();
    return new Clari(client, Optional.of(sample.data().clari().forecastIds().get(0)), SANDBOX_POLL_ATTEMPTS,
        SANDBOX_POLL_INTERVAL, sandboxSource(sample, "set CLARI_API_TOKEN to use your Clari tenant"));
  }

  /** Stops the sandbox if it was started and releases pooled connections. */
  @Override
  public synchronized void close() {
    if (factory != null) {
      factory.close();
    }
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
    }
  }

  private ClientFactory factory() {
    if (factory == null) {
      factory = ClientFactory.of(RevOpsConfig.fromEnvironment(environment));
    }
    return factory;
  }

  private Sandbox sandbox() {
    if (sandbox == null) {
      sandbox = sandboxStarter.get();
    }
    return sandbox;
  }

  private static String sandboxSource(Sandbox sandbox, String howToUseYours) {
    return "the built-in sandbox (sample data of " + sandbox.data().companyName() + "; " + howToUseYours + ")";
  }
}
