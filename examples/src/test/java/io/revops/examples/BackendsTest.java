package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.clari.Sleeper;
import io.revops.sandbox.Sandbox;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BackendsTest {
  /** Starts a real sandbox and counts how often it was asked to. */
  static final class CountingStarter implements Supplier<Sandbox> {
    final AtomicInteger starts = new AtomicInteger();
    Sandbox started;

    @Override
    public Sandbox get() {
      starts.incrementAndGet();
      started = Sandbox.start();
      return started;
    }
  }

  @Test
  void anEmptyEnvironmentUsesOneSandboxForBothServicesAndStopsItOnClose() {
    CountingStarter starter = new CountingStarter();
    Backends backends = new Backends(Map.of(), starter, Clock.systemUTC(), Sleeper.system());

    Backends.Salesforce salesforce = backends.salesforce();
    Backends.Clari clari = backends.clari();
    String salesforceUrl = starter.started.salesforceInstanceUrl();
    int port = starter.started.port();
    backends.close();

    assertThat(starter.starts).hasValue(1);
    assertThat(salesforce.client().instanceUrl()).isEqualTo(salesforceUrl + "/");
    assertThat(salesforce.source()).isEqualTo("the built-in sandbox (sample data of Larkspur Systems; set"
        + " SFDC_INSTANCE_URL and a credential such as SFDC_ACCESS_TOKEN to use your org)");
    assertThat(salesforce.commitStageName()).isEqualTo("Commit");
    assertThat(clari.source()).startsWith("the built-in sandbox (sample data of Larkspur Systems; set CLARI_API_TOKEN");
    assertThat(clari.defaultForecastId()).contains("net_arr");
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("the sandbox stopped listening")
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aConfiguredServiceIsUsedAndTheOtherFallsBackToTheSandbox() {
    CountingStarter starter = new CountingStarter();
    Backends backends = new Backends(Map.of("CLARI_API_TOKEN", "real-token", "CLARI_FORECAST_ID", "renewals",
        "SFDC_COMMIT_STAGE_NAME", "Forecast"), starter, Clock.systemUTC(), Sleeper.system());

    Backends.Clari clari = backends.clari();
    assertThat(starter.starts).hasValue(0);
    Backends.Salesforce salesforce = backends.salesforce();
    backends.close();

    assertThat(clari.source()).isEqualTo("Clari at https://api.clari.com/v4");
    assertThat(clari.defaultForecastId()).contains("renewals");
    assertThat(clari.client().toString()).doesNotContain("real-token");
    assertThat(salesforce.source()).startsWith("the built-in sandbox");
    assertThat(salesforce.commitStageName()).as("the sandbox's own commit stage").isEqualTo("Commit");
    assertThat(starter.starts).hasValue(1);
  }

  @Test
  void nothingIsReadOrStartedUntilAProgramAsks() {
    CountingStarter starter = new CountingStarter();
    new Backends(Map.of("SFDC_API_VERSION", "not-a-version"), starter, Clock.systemUTC(), Sleeper.system()).close();

    assertThat(starter.starts).hasValue(0);
  }
}
