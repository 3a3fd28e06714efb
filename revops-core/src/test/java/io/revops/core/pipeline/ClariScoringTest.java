package io.revops.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.clari.ClariClient;
import io.revops.salesforce.SalesforceId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClariScoringTest {
  MockWebServer clari = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    clari.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        List<String> ids = request.getUrl().queryParameterValues("oppId");
        if (ids.size() < 100) {
          return new MockResponse.Builder().code(400).body("[{\"statusCode\":400,\"reaspnPhrase\":\"Bad Request\","
              + "\"description\":\"invalid query parameter\"}]").build();
        }
        return new MockResponse.Builder().code(200).body(ids.stream()
            .map(id -> "{\"id\":\"" + id + "\",\"crmScore\":{\"score\":60,\"message\":\"ok\"},\"fields\":[]}")
            .collect(Collectors.joining(",", "[", "]"))).build();
      }
    });
    clari.start();
  }

  @AfterEach
  void stop() {
    clari.close();
  }

  static AtRiskCommit deal(int n) {
    SalesforceId id = SalesforceId.of(String.format("006Dn00000%05d", n));
    return new AtRiskCommit(id, "Deal " + n, Optional.empty(), Optional.empty(), LocalDate.of(2026, 6, 30),
        Optional.empty(), Optional.empty(), List.of(RiskRule.NO_RECENT_ACTIVITY), List.of("no activity logged"),
        Optional.empty());
  }

  @Test
  void aFailedBatchLeavesItsDealsUnscoredAndSaysSo() {
    List<AtRiskCommit> deals = new ArrayList<>();
    for (int n = 1; n <= 150; n++) {
      deals.add(deal(n));
    }
    ClariClient client = ClariClient.builder().baseUrl(clari.url("/v4").toString()).apiToken("t0ken").build();

    ClariScoring.Scored scored = new ClariScoring(Optional.of(client)).score(deals);

    assertThat(clari.getRequestCount()).isEqualTo(2);
    assertThat(scored.status().status()).isEqualTo(ClariScores.Status.PARTIAL);
    assertThat(scored.status().reason()).hasValueSatisfying(r -> assertThat(r).startsWith("Clari could not score 50 of 150"));
    assertThat(scored.deals().subList(0, 100)).allSatisfy(d -> assertThat(d.clariScore()).contains(new ClariDealScore(60, "ok")));
    assertThat(scored.deals().subList(100, 150)).allSatisfy(d -> assertThat(d.clariScore()).isEmpty());
  }

  @Test
  void withoutClariNothingIsAsked() {
    ClariScoring.Scored scored = new ClariScoring(Optional.empty()).score(List.of(deal(1)));

    assertThat(scored.status().status()).isEqualTo(ClariScores.Status.NOT_CONFIGURED);
    assertThat(scored.deals()).containsExactly(deal(1));
    assertThat(clari.getRequestCount()).isZero();
  }
}
