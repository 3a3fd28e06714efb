package io.revops.core.query;

import static io.revops.core.query.MockSalesforceOrg.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.salesforce.soql.SoqlGuard;
import io.revops.salesforce.soql.SoqlRejectedException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryServiceTest {
  static final String NEXT = "/services/data/v60.0/query/01gRO0000016PIAYA2-200";
  static final String OPP = "{'attributes':{'type':'Opportunity','url':'/x'},'Id':'006000000000001AAA',"
      + "'Name':'Acme renewal','Amount':1200.5,'NextStep':null,'Account':{'attributes':{'type':'Account'},'Name':'Acme'}}";

  MockSalesforceOrg org;
  QueryService service;

  @BeforeEach
  void start() throws Exception {
    org = new MockSalesforceOrg();
    service = new QueryService(org.client(), SoqlGuard.defaults());
  }

  @AfterEach
  void stop() {
    org.close();
  }

  static String pageWithNext(String next, String... records) {
    return "{'totalSize':450,'done':false,'nextRecordsUrl':'" + next + "','records':[" + String.join(",", records) + "]}";
  }

  @Test
  void firstPageSendsTheGuardedQueryAndReturnsOnlyPopulatedFields() throws Exception {
    org.enqueue(page(OPP));

    QueryResultPage result = service.query("SELECT Id, Name, Amount, NextStep, Account.Name FROM Opportunity", false);

    RecordedRequest request = org.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/services/data/v60.0/query");
    assertThat(MockSalesforceOrg.soql(request))
        .isEqualTo("SELECT Id, Name, Amount, NextStep, Account.Name FROM Opportunity LIMIT 200");
    assertThat(result.soql()).contains("SELECT Id, Name, Amount, NextStep, Account.Name FROM Opportunity LIMIT 200");
    assertThat(result.totalSize()).isEqualTo(1);
    assertThat(result.nextCursor()).isEmpty();
    assertThat(result.records()).singleElement().satisfies(row -> {
      assertThat(row).containsOnlyKeys("Id", "Name", "Amount", "Account");
      assertThat(row.get("Amount")).isEqualTo(new BigDecimal("1200.5"));
      assertThat(row.get("Account")).isEqualTo(Map.of("Name", "Acme"));
    });
  }

  @Test
  void cursorRoundTripReadsTheNextPageOnTheSameInstance() throws Exception {
    org.enqueue(pageWithNext(NEXT, OPP));
    org.enqueue(page(OPP));
    org.enqueue(page(OPP));

    QueryResultPage first = service.query("SELECT Id FROM Opportunity WHERE IsClosed = false", false);
    String cursor = first.nextCursor().orElseThrow();
    QueryResultPage second = service.query(Optional.empty(), false, Optional.of(cursor));
    QueryResultPage again = service.query(Optional.of("SELECT Id FROM Opportunity WHERE IsClosed = false"), false,
        Optional.of(cursor));

    assertThat(cursor).doesNotContain("/").doesNotContain("services").matches("[A-Za-z0-9_-]+");
    org.take();
    assertThat(org.take().getUrl().encodedPath()).isEqualTo(NEXT);
    RecordedRequest third = org.take();
    assertThat(third.getUrl().encodedPath()).isEqualTo(NEXT);
    assertThat(third.getUrl().query()).isNull();
    assertThat(second.soql()).isEmpty();
    assertThat(second.nextCursor()).isEmpty();
    assertThat(second.records()).hasSize(1);
    assertThat(again.soql()).contains("SELECT Id FROM Opportunity WHERE IsClosed = false LIMIT 200");
  }

  @Test
  void cursorWithAnotherQueryIsRefusedBeforeAnyRequest() {
    org.enqueue(pageWithNext(NEXT, OPP));
    String cursor = service.query("SELECT Id FROM Opportunity", false).nextCursor().orElseThrow();

    assertThatThrownBy(() -> service.query(Optional.of("SELECT Id FROM Account"), false, Optional.of(cursor)))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo("cursor"))
        .hasMessageContaining("different query");
    assertThat(org.requestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-cursor", "%%%", "AAAA",
      "1|0123456789abcdef01234567|https://evil.example/services/data/v60.0/query/01g-200",
      "1|0123456789abcdef01234567|/services/data/v60.0/sobjects/User/005000000000001",
      "1|0123456789abcdef01234567|/services/data/v60.0/query/../sobjects/Account",
      "2|0123456789abcdef01234567|/services/data/v60.0/query/01gRO0000016PIAYA2-200",
      "1|nothex|/services/data/v60.0/query/01gRO0000016PIAYA2-200"})
  void tamperedOrForeignCursorsAreRefusedBeforeAnyRequest(String plain) {
    String cursor = plain.startsWith("1|") || plain.startsWith("2|")
        ? Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8))
        : plain;

    assertThatThrownBy(() -> service.query(Optional.empty(), false, Optional.of(cursor)))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> {
          assertThat(e.argument()).isEqualTo("cursor");
          assertThat(e.fix()).contains("nextCursor exactly as the previous page returned it");
        });
    assertThat(org.requestCount()).isZero();
  }

  @Test
  void aCursorWithOneCharacterChangedIsRefused() {
    org.enqueue(pageWithNext(NEXT, OPP));
    String cursor = service.query("SELECT Id FROM Opportunity", false).nextCursor().orElseThrow();
    char last = cursor.charAt(cursor.length() - 5);
    String tampered = cursor.substring(0, cursor.length() - 5) + (last == 'A' ? 'B' : 'A') + cursor.substring(cursor.length() - 4);

    assertThatThrownBy(() -> service.query(Optional.empty(), false, Optional.of(tampered)))
        .isInstanceOf(RevOpsArgumentException.class);
    assertThat(org.requestCount()).isEqualTo(1);
  }

  @Test
  void bypassSharingIsReservedAndRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> service.query("SELECT Id FROM Account", true))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> {
          assertThat(e.argument()).isEqualTo("bypassSharing");
          assertThat(e.getMessage()).contains("reserved").contains("not supported");
        });
    assertThatThrownBy(() -> service.planQuery(Optional.of("SELECT Id FROM Account"), true, Optional.empty()))
        .isInstanceOf(RevOpsArgumentException.class);
    assertThat(org.requestCount()).isZero();
  }

  @Test
  void theGuardsRejectionPropagatesWithItsPosition() {
    assertThatThrownBy(() -> service.query("SELECT Id FROM Account; DELETE FROM Account", false))
        .isInstanceOfSatisfying(SoqlRejectedException.class, e -> assertThat(e.position()).isEqualTo(22));
    assertThatThrownBy(() -> service.query("DELETE FROM Account", false)).isInstanceOf(SoqlRejectedException.class);
    assertThat(org.requestCount()).isZero();
  }

  @Test
  void noQueryAndNoCursorIsAMissingSoql() {
    assertThatThrownBy(() -> service.query(Optional.of("  "), false, Optional.empty()))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo("soql"));
    assertThat(org.requestCount()).isZero();
  }

  @Test
  void aGuardAllowingPagesOver200IsRefused() {
    SoqlGuard wide = SoqlGuard.builder().maxLimit(2000).build();

    assertThatThrownBy(() -> new QueryService(org.client(), wide))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLimit(200)");
  }

  @Test
  void planShowsTheGuardedRequestWithTheTokenRedactedAndSendsNothing() {
    DryRunPlan plan = service.planQuery(Optional.of("SELECT Id FROM Lead"), false, Optional.empty());

    assertThat(plan.operation()).isEqualTo("query");
    assertThat(plan.requests()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.url()).contains("/services/data/v60.0/query?q=SELECT").contains("LIMIT");
      assertThat(r.headers().toString()).doesNotContain(MockSalesforceOrg.TOKEN);
    });
    assertThat(plan.toString()).doesNotContain(MockSalesforceOrg.TOKEN);
    assertThat(org.requestCount()).isZero();
  }

  @Test
  void planOfACursorShowsTheNextPageRequest() {
    org.enqueue(pageWithNext(NEXT, OPP));
    String cursor = service.query("SELECT Id FROM Opportunity", false).nextCursor().orElseThrow();

    DryRunPlan plan = service.planQuery(Optional.empty(), false, Optional.of(cursor));

    assertThat(plan.requests()).singleElement().satisfies(r -> assertThat(r.url()).endsWith(NEXT));
    assertThat(org.requestCount()).isEqualTo(1);
  }
}
