package io.revops.core.pipeline;

import io.revops.core.plan.PlannedRequest;
import io.revops.core.salesforce.DescribeCache;
import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.QueryPage;
import io.revops.salesforce.SObjectDescribe;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.soql.GuardedQuery;
import io.revops.salesforce.soql.SoqlGuard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** What the pipeline operations share: the client, the describe cache, the guard and the clock. */
final class SalesforceReads {
  /** The most rows an operation lists. */
  static final int MAX_ROWS = 200;

  private final SalesforceClient salesforce;
  private final DescribeCache describes;
  private final SoqlGuard guard;
  private final Clock clock;

  SalesforceReads(SalesforceClient salesforce, DescribeCache describes, SoqlGuard guard, Clock clock) {
    this.salesforce = salesforce;
    this.describes = describes;
    this.guard = guard;
    this.clock = clock;
  }

  /** The row cap for listing queries: 200, or the guard's lower maximum. */
  int cap() {
    return Math.min(MAX_ROWS, guard.maxLimit());
  }

  Instant now() {
    return clock.instant();
  }

  /** Today's date in UTC. */
  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  SObjectDescribe opportunity() {
    return describes.describe("Opportunity");
  }

  List<String> stageValues(SObjectDescribe opportunity) {
    return opportunity.field("StageName").map(FieldDescribe::picklistValues).orElse(List.of()).stream()
        .map(p -> p.value()).toList();
  }

  GuardedQuery check(String soql) {
    return guard.check(soql);
  }

  QueryPage query(String soql) {
    return salesforce.query(check(soql));
  }

  PlannedRequest planQuery(String soql) {
    return PlannedRequest.of(salesforce.plan().query(check(soql)));
  }

  PlannedRequest planDescribeOpportunity() {
    return PlannedRequest.of(salesforce.plan().describe("Opportunity"));
  }
}
