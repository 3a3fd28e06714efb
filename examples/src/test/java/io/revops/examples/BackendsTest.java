package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.clari.Sleeper;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackendsTest {
  /** Counts starts and stops; its variables point at a loopback port nothing listens on (no request is sent). */
  static final class CountingSample implements Backends.SampleServer {
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();

    Backends.SampleServer start() {
      starts.incrementAndGet();
      return this;
    }

    @Override
    public Map<String, String> environment() {
      return Map.of("SFDC_INSTANCE_URL", "http://127.0.0.1:9", "SFDC_ACCESS_TOKEN", "sample",
          "CLARI_API_TOKEN", "sample", "CLARI_BASE_URL", "http://127.0.0.1:9/v4", "CLARI_FORECAST_ID", "net_arr");
    }

    @Override
    public void close() {
      stops.incrementAndGet();
    }
  }

  @Test
  void anEmptyEnvironmentUsesOneSandboxForBothServicesAndStopsItOnClose() {
    CountingSample sample = new CountingSample();
    Backends backends = new Backends(Map.of(), sample::start, Clock.systemUTC(), Sleeper.system());

    Backends.Salesforce salesforce = backends.salesforce();
    Backends.Clari clari = backends.clari();
    backends.close();

    assertThat(sample.starts).hasValue(1);
    assertThat(sample.stops).hasValue(1);
    assertThat(salesforce.source()).startsWith("the built-in sandbox (sample data; set SFDC_INSTANCE_URL");
    assertThat(salesforce.client().instanceUrl()).isEqualTo("http://127.0.0.1:9/");
    assertThat(clari.source()).startsWith("the built-in sandbox (sample data; set CLARI_API_TOKEN");
    assertThat(clari.settings().defaultForecastId()).contains("net_arr");
  }

  @Test
  void aConfiguredServiceIsUsedAndTheOtherFallsBackToTheSandbox() {
    CountingSample sample = new CountingSample();
    Backends backends = new Backends(Map.of("CLARI_API_TOKEN", "real-token", "CLARI_FORECAST_ID", "renewals"),
        sample::start, Clock.systemUTC(), Sleeper.system());

    Backends.Clari clari = backends.clari();
    assertThat(sample.starts).hasValue(0);
    Backends.Salesforce salesforce = backends.salesforce();
    backends.close();

    assertThat(clari.source()).isEqualTo("Clari at https://api.clari.com/v4");
    assertThat(clari.settings().defaultForecastId()).contains("renewals");
    assertThat(clari.client().toString()).doesNotContain("real-token");
    assertThat(salesforce.source()).startsWith("the built-in sandbox");
    assertThat(sample.starts).hasValue(1);
  }

  @Test
  void nothingStartsUntilAProgramAsks() {
    CountingSample sample = new CountingSample();
    new Backends(Map.of(), sample::start, Clock.systemUTC(), Sleeper.system()).close();

    assertThat(sample.starts).hasValue(0);
    assertThat(sample.stops).hasValue(0);
  }
}
