package io.revops.clari;

import static io.revops.clari.Fixtures.TOKEN;
import static io.revops.clari.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminLimitsTest {
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

  @Test
  void readsLimitsUnderJobs() throws Exception {
    server.enqueue(json(200, "{\"jobs\":{\"concurrentLimit\":3,\"monthlyQuota\":1000,\"runningJobIds\":"
        + "[\"6073680cac043e61f93bac07\"],\"submittedJobIds\":[\"606e6f6f304d430d583fdd4c\"],"
        + "\"availableConcurrentLimit\":1,\"availableMonthlyQuota\":995}}"));

    ExportLimits limits = client.getAdminLimits();

    assertThat(limits).isEqualTo(new ExportLimits(3, 1000, 1, 995, java.util.List.of("6073680cac043e61f93bac07"),
        java.util.List.of("606e6f6f304d430d583fdd4c")));
    assertThat(limits.hasFreeSlot()).isTrue();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/admin/limits");
  }

  @Test
  void readsLimitsUnderExportsWithoutRunningJobs() {
    server.enqueue(json(200, "{\"exports\":{\"concurrentLimit\":1,\"monthlyQuota\":30,\"availableConcurrentLimit\":0,"
        + "\"availableMonthlyQuota\":0}}"));

    ExportLimits limits = client.getAdminLimits();

    assertThat(limits.runningJobIds()).isEmpty();
    assertThat(limits.hasFreeSlot()).isFalse();
    assertThat(limits.monthlyQuota()).isEqualTo(30);
  }

  @Test
  void unreadableLimitsSaySo() {
    server.enqueue(json(200, "{\"something\":{}}"));
    assertThatThrownBy(() -> client.getAdminLimits()).isInstanceOf(ClariServerException.class)
        .hasMessageContaining("jobs").hasMessageContaining("GET /v4/admin/limits");
  }

  @Test
  void serverErrorCarriesClarisErrorId() {
    server.enqueue(json(500, "{\"code\":\"internal_server_error\",\"namespace\":\"exports\",\"errorId\":\"abc-1\","
        + "\"message\":\"boom\",\"orgId\":101}"));
    assertThatThrownBy(() -> client.getAdminLimits()).isInstanceOf(ClariServerException.class)
        .hasMessageContaining("abc-1").hasMessageContaining("boom");
  }
}
