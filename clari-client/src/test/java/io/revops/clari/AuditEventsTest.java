package io.revops.clari;

import static io.revops.clari.Fixtures.TOKEN;
import static io.revops.clari.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditEventsTest {
  private final MockWebServer server = new MockWebServer();
  private ClariClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(TOKEN).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String page(String nextLink, String actorId, String event) {
    return "{" + (nextLink == null ? "" : "\"nextLink\":\"" + nextLink + "\",")
        + "\"items\":[{\"correlationID\":\"c-" + event + "\",\"actorId\":\"" + actorId + "\",\"impersonatingActorId\":null,"
        + "\"actorType\":\"USER\",\"sessionId\":\"0b7e0d4c-1111-2222-3333-444455556666\",\"ipAddress\":\"10.0.0.1\","
        + "\"sessionType\":\"WEB\",\"event\":\"" + event + "\",\"eventParameters\":{\"forecastId\":\"net_arr\",\"x\":null},"
        + "\"eventTimestamp\":\"2026-05-03T16:22:18Z\"}],"
        + "\"actors\":[{\"actorType\":\"USER\",\"actorId\":\"" + actorId + "\",\"name\":\"Name " + actorId
        + "\",\"email\":\"a@example.com\"}]}";
  }

  @Test
  void followsNextLinksAndResolvesActorNames() throws Exception {
    server.enqueue(json(200, page("/v4/audit/events?paginationToken=p2&limit=2", "42", "api.accessed")));
    server.enqueue(json(200, page(server.url("/v4/audit/events?paginationToken=p3").toString(), "43", "forecast.submitted")));
    server.enqueue(json(200, page(null, "44", "api.accessed")));
    AuditEventQuery query = AuditEventQuery.builder().dateFrom(LocalDate.parse("2026-04-20"))
        .dateTo(Instant.parse("2026-05-03T10:00:00.123Z")).limit(2).event("api.accessed").build();

    List<AuditEvent> events = client.auditEventPages(query).events(10);

    assertThat(events).extracting(AuditEvent::actorName).extracting(o -> o.orElseThrow())
        .containsExactly("Name 42", "Name 43", "Name 44");
    AuditEvent first = events.get(0);
    assertThat(first.correlationId()).contains("c-api.accessed");
    assertThat(first.parameters()).containsEntry("forecastId", "net_arr").doesNotContainKey("x");
    assertThat(first.timestamp()).contains(Instant.parse("2026-05-03T16:22:18Z"));
    assertThat(first.impersonatingActorId()).isEmpty();
    RecordedRequest firstRequest = server.takeRequest();
    assertThat(firstRequest.getUrl().encodedPath()).isEqualTo("/v4/audit/events");
    assertThat(firstRequest.getUrl().queryParameter("dateFrom")).isEqualTo("2026-04-20T00:00:00Z");
    assertThat(firstRequest.getUrl().queryParameter("dateTo")).isEqualTo("2026-05-03T10:00:00Z");
    assertThat(firstRequest.getUrl().queryParameter("limit")).isEqualTo("2");
    assertThat(firstRequest.getUrl().queryParameter("event")).isEqualTo("api.accessed");
    assertThat(server.takeRequest().getUrl().queryParameter("paginationToken")).isEqualTo("p2");
    RecordedRequest third = server.takeRequest();
    assertThat(third.getUrl().queryParameter("paginationToken")).isEqualTo("p3");
    assertThat(third.getHeaders().get("apikey")).isEqualTo(TOKEN);
  }

  @Test
  void pagesAreBoundedByMaxPages() {
    server.enqueue(json(200, page("/v4/audit/events?paginationToken=p2", "42", "a")));
    server.enqueue(json(200, page("/v4/audit/events?paginationToken=p3", "42", "b")));

    assertThat(client.auditEventPages(AuditEventQuery.builder().build()).events(2)).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void refusesToFollowANextLinkToAnotherHost() {
    server.enqueue(json(200, page("https://evil.example.com/v4/audit/events?p=2", "42", "a")));
    AuditEventPage first = client.listAuditEvents(AuditEventQuery.builder().build());

    assertThatThrownBy(() -> client.nextAuditEvents(first)).isInstanceOf(ClariApiException.class)
        .hasMessageContaining("evil.example.com").hasMessageNotContaining(TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void auditErrorsArrayIsParsed() {
    server.enqueue(json(400, "{\"errors\":[{\"code\":\"invalid_parameter\",\"message\":\"dateFrom is invalid\","
        + "\"target\":\"dateFrom\",\"status\":\"400\"}]}"));

    assertThatThrownBy(() -> client.listAuditEvents(AuditEventQuery.builder().build()))
        .isInstanceOf(ClariBadRequestException.class).hasMessageContaining("dateFrom is invalid")
        .extracting(e -> ((ClariApiException) e).errorCode().orElseThrow()).isEqualTo("invalid_parameter");
  }

  @Test
  void badQueriesFailBeforeAnyRequest() {
    assertThatThrownBy(() -> AuditEventQuery.builder().limit(1001).build()).hasMessageContaining("limit");
    assertThatThrownBy(() -> AuditEventQuery.builder().limit(0).build()).hasMessageContaining("limit");
    assertThatThrownBy(() -> AuditEventQuery.builder().dateFrom(LocalDate.parse("2026-05-02"))
        .dateTo(LocalDate.parse("2026-05-01")).build()).hasMessageContaining("dateFrom");
    assertThatThrownBy(() -> AuditEventQuery.builder().event("a b").build()).hasMessageContaining("event");
    assertThat(server.getRequestCount()).isZero();
  }
}
