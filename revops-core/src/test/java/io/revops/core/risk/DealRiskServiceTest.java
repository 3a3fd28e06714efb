package io.revops.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.clari.ClariApiException;
import io.revops.clari.ClariClient;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.salesforce.SalesforceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DealRiskServiceTest {
  private static final String TOKEN = "clari-risk-token-never-shown";
  private static final String ACME = "006Z000000EPuiy";
  private static final String ACME_18 = "006Z000000EPuiyIAD";
  private static final String GLOBEX_18 = opp(2);
  private static final String INITECH_18 = opp(3);

  private MockWebServer server;
  private DealRiskService service;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    service = new DealRiskService(ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(TOKEN).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A valid 18-character opportunity id numbered n. */
  private static String opp(int n) {
    return SalesforceId.of(String.format("006000000%06d", n)).to18();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void mergesScoresFieldsAndTheLatestTrendAndListsIdsClariDidNotAnswer() throws Exception {
    server.enqueue(json(200, """
        [{"id":"%s","crmScore":{"score":42,"message":"No activity in 21 days"},
          "fields":[{"id":"opportunity.amount","alias":"Amount","value":50000.0,"originalValue":45000,"trend":"up",
                     "trendHistory":[{"oldValue":45000,"newValue":50000,"date":1780000000000},
                                     {"oldValue":40000,"newValue":45000,"date":1770000000000}]},
                    {"id":"opportunity.stage","alias":"","value":"Negotiation","trendHistory":[]}]},
         {"id":"%s","crmScore":{"score":0,"message":"Opportunity is lost"},"fields":[]}]
        """.formatted(ACME_18, GLOBEX_18)));

    DealRiskReport report = service.getDealRisk(List.of(ACME, GLOBEX_18, INITECH_18, ACME_18));

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v4/opportunity");
    assertThat(request.getUrl().queryParameterValues("oppId")).containsExactly(ACME_18, GLOBEX_18, INITECH_18);
    assertThat(report.deals()).extracting(DealRisk::opportunityId).containsExactly(ACME_18, GLOBEX_18);
    DealRisk acme = report.deals().get(0);
    assertThat(acme.score()).contains(42);
    assertThat(acme.scoreMessage()).contains("No activity in 21 days");
    assertThat(acme.fields()).containsExactly(
        new DealField("Amount", "opportunity.amount", Optional.of("50000"), Optional.of("up"),
            Optional.of(new TrendStep(Optional.of("45000"), Optional.of("50000"),
                Optional.of(Instant.ofEpochMilli(1780000000000L))))),
        new DealField("opportunity.stage", "opportunity.stage", Optional.of("Negotiation"), Optional.empty(),
            Optional.empty()));
    assertThat(report.deals().get(1).score()).contains(0);
    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.opportunityId()).isEqualTo(INITECH_18);
      assertThat(f.reason()).contains("returned nothing");
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aFailedBatchIsReportedPerIdWhileOtherBatchesAreKept() {
    List<String> ids = IntStream.rangeClosed(1, 150).mapToObj(DealRiskServiceTest::opp).toList();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        List<String> batch = request.getUrl().queryParameterValues("oppId");
        if (batch.contains(opp(1))) {
          return json(200, "[{\"id\":\"" + opp(1) + "\",\"crmScore\":{\"score\":77,\"message\":\"Healthy\"},\"fields\":[]}]");
        }
        return json(400, "[{\"statusCode\":400,\"reaspnPhrase\":\"Bad Request\",\"description\":\"Bad Request\","
            + "\"details\":\"mode is invalid\"}]");
      }
    });

    DealRiskReport report = service.getDealRisk(ids);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(report.deals()).extracting(DealRisk::score).containsExactly(Optional.of(77));
    assertThat(report.failures()).hasSize(149);
    List<String> batchFailures = new ArrayList<>();
    report.failures().stream().filter(f -> f.reason().contains("mode is invalid"))
        .forEach(f -> batchFailures.add(f.opportunityId()));
    assertThat(batchFailures).containsExactlyElementsOf(ids.subList(100, 150));
    assertThat(report.failures()).filteredOn(f -> f.reason().contains("returned nothing")).hasSize(99);
  }

  @Test
  void whenEveryBatchFailsTheErrorItselfIsThrown() {
    server.enqueue(json(401, "{\"message\":\"Invalid authentication credentials\"}"));

    assertThatThrownBy(() -> service.getDealRisk(List.of(ACME)))
        .isInstanceOf(ClariApiException.class)
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void refusesAnEmptyListAndMalformedIdsBeforeAnyRequest() {
    assertThatThrownBy(() -> service.getDealRisk(List.of()))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo("oppIds"))
        .hasMessageContaining("006");
    assertThatThrownBy(() -> service.getDealRisk(List.of(ACME, "001M000000qfPyS", "006-not-an-id")))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo("oppIds"))
        .hasMessageContaining("2 invalid id(s)")
        .hasMessageContaining("001M000000qfPyS");
    assertThatThrownBy(() -> service.planGetDealRisk(List.of())).isInstanceOf(RevOpsArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void planShowsOneRequestPerBatchWithoutSending() {
    DryRunPlan plan = service.planGetDealRisk(IntStream.rangeClosed(1, 150).mapToObj(DealRiskServiceTest::opp).toList());

    assertThat(plan.operation()).isEqualTo("getDealRisk");
    assertThat(plan.requests()).hasSize(2).allSatisfy(r -> {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.headers()).containsEntry("apikey", "<redacted>");
    });
    assertThat(plan.toString()).doesNotContain(TOKEN);
    assertThat(server.getRequestCount()).isZero();
  }
}
