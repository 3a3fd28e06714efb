package io.revops.clari;

import static io.revops.clari.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPlansTest {
  private final ClariClient client = ClariClient.builder().apiToken(TOKEN).build();

  @Test
  void plansShowTheRequestWithTheTokenRedactedAndSendNothing() {
    ForecastExportRequest history = ForecastExportRequest.builder("net_arr", "2026_Q2").includeHistorical(true).build();

    RequestPlan submit = client.plans().exportForecast(history);

    assertThat(submit.method()).isEqualTo("POST");
    assertThat(submit.url()).isEqualTo("https://api.clari.com/v4/export/forecast/net_arr");
    assertThat(submit.headers()).containsEntry("apikey", RequestPlan.REDACTED)
        .containsEntry("Content-Type", "application/json; charset=utf-8");
    assertThat(submit.body()).hasValueSatisfying(b -> assertThat(b).contains("\"includeHistorical\":true"));
    assertThat(submit.toString()).doesNotContain(TOKEN);

    RequestPlan fast = client.plans().exportForecast(ForecastExportRequest.builder("net_arr", "2026_Q2").build());
    assertThat(fast.method()).isEqualTo("GET");
    assertThat(fast.url()).startsWith("https://api.clari.com/v4/forecast/net_arr?timePeriod=2026_Q2");
    assertThat(fast.body()).isEmpty();

    assertThat(client.plans().cancelExportJob("abc").body()).contains("{\"type\":\"CANCEL\"}");
    assertThat(client.plans().getAdminLimits().url()).endsWith("/v4/admin/limits");
    assertThat(client.plans().listAuditEvents(AuditEventQuery.builder().limit(5).build()).url())
        .endsWith("/v4/audit/events?limit=5");
  }

  @Test
  void opportunityPlansAreOnePerBatch() {
    List<String> ids = new ArrayList<>();
    for (int n = 1; n <= 201; n++) {
      ids.add(OpportunityInsightsTest.id15(n));
    }
    List<RequestPlan> plans = client.plans().getOpportunityInsights(ids);
    assertThat(plans).hasSize(3);
    assertThat(plans.get(2).url()).contains("oppId=" + OpportunityInsightsTest.id18(201));
  }
}
