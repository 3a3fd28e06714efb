package io.revops.clari;

import static io.revops.clari.Fixtures.TOKEN;
import static io.revops.clari.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.clari.internal.SalesforceIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpportunityInsightsTest {
  private final MockWebServer server = new MockWebServer();
  private final ConcurrentLinkedQueue<List<String>> requested = new ConcurrentLinkedQueue<>();
  private ClariClient client;
  private String failingId = "none";

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        List<String> ids = request.getUrl().queryParameterValues("oppId");
        requested.add(ids);
        if (ids.contains(failingId)) {
          return json(400, "[{\"statusCode\":400,\"reaspnPhrase\":\"Bad Request\",\"description\":\"invalid query"
              + " parameter\",\"details\":\"oppId is invalid\"}]");
        }
        return json(200, ids.stream().map(OpportunityInsightsTest::insight).collect(Collectors.joining(",", "[", "]")));
      }
    });
    server.start();
    client = ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(TOKEN).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String id15(int n) {
    return String.format("006Z0000%07d", n).replace('1', 'a');
  }

  static String id18(int n) {
    return SalesforceIds.to18(id15(n)).orElseThrow();
  }

  private static String insight(String id) {
    return "{\"id\":\"" + id + "\",\"crmScore\":{\"score\":71,\"message\":\"Healthy\"},\"fields\":[{\"id\":"
        + "\"opportunity.amount\",\"alias\":\"Amount\",\"imageUrl\":\"/i.png\",\"value\":50000,\"originalValue\":45000,"
        + "\"trend\":\"up\",\"trendHistory\":[{\"oldValue\":{\"v\":45000},\"newValue\":{\"v\":50000},\"date\":1605312000000}]}]}";
  }

  @Test
  void twoHundredFiftyIdsGoInThreeBatchesMergedInInputOrderAndAFailedBatchIsNamed() {
    List<String> input = new ArrayList<>();
    for (int n = 250; n >= 1; n--) {
      input.add(n % 2 == 0 ? id15(n) : id18(n)); // mixed forms
    }
    input.add(id18(250)); // duplicates in both forms
    input.add(id15(7));
    failingId = id18(150); // the first id of the second batch (input order 250..1)

    OpportunityInsights result = client.getOpportunityInsights(input);

    assertThat(requested).hasSize(3);
    assertThat(requested).extracting(List::size).containsExactlyInAnyOrder(100, 100, 50);
    assertThat(result.failures()).hasSize(1);
    InsightFailure failure = result.failures().get(0);
    assertThat(failure.opportunityIds()).hasSize(100).first().isEqualTo(id18(150));
    assertThat(failure.reason()).contains("HTTP 400").contains("oppId is invalid");
    assertThat(failure.error().httpStatus()).isEqualTo(400);
    assertThat(result.isComplete()).isFalse();

    List<String> expected = new ArrayList<>();
    for (int n = 250; n >= 1; n--) {
      if (n > 150 || n <= 50) {
        expected.add(id18(n));
      }
    }
    assertThat(result.insights()).extracting(OpportunityInsight::id).containsExactlyElementsOf(expected);
    OpportunityInsight first = result.insights().get(0);
    assertThat(first.crmScore()).contains(new CrmScore(71, "Healthy"));
    InsightField amount = first.fields().get(0);
    assertThat(amount.value()).contains(50000.0);
    assertThat(amount.originalValue()).contains(45000.0);
    assertThat(amount.trendHistory().get(0).date()).contains(Instant.ofEpochMilli(1605312000000L));
  }

  @Test
  void invalidIdsFailBeforeAnyRequest() {
    String wrongChecksum = id15(1) + "AAA";
    assertThatThrownBy(() -> client.getOpportunityInsights(List.of(id18(1), "001M000000qfPySIAU", wrongChecksum,
        "006'; DROP")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opportunityIds")
        .hasMessageContaining("3 invalid").hasMessageContaining("006");
    assertThat(requested).isEmpty();
  }

  @Test
  void noIdsNoRequest() {
    assertThat(client.getOpportunityInsights(List.of()).insights()).isEmpty();
    assertThat(requested).isEmpty();
  }
}
