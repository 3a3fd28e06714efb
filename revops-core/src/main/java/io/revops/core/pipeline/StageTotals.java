package io.revops.core.pipeline;

import io.revops.core.plan.DryRunPlan;
import io.revops.core.salesforce.SoqlLiterals;
import io.revops.salesforce.SObjectDescribe;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pipeline by stage: two aggregate queries, the stage order from describe, the currency once. */
final class StageTotals {
  private static final String COUNT = "recordCount";
  private static final String SUM = "totalAmount";

  private final SalesforceReads reads;
  private final OrgCurrency currency;

  StageTotals(SalesforceReads reads) {
    this.reads = reads;
    this.currency = new OrgCurrency(reads);
  }

  PipelineByStage run(int windowDays, Optional<SalesforceId> ownerId) {
    Window window = new Window(reads.today(), windowDays, ownerId);
    SObjectDescribe opportunity = reads.opportunity();
    List<StageTotal> stages = inPicklistOrder(totals(window.inWindowSoql()), reads.stageValues(opportunity));
    PipelineTotal overdue = totals(window.overdueSoql()).stream()
        .map(s -> new PipelineTotal(s.count(), s.amount())).reduce(PipelineTotal.NONE, PipelineTotal::plus);
    return new PipelineByStage(window.from(), window.to(), ownerId, stages, overdue, currency.of(opportunity));
  }

  DryRunPlan plan(int windowDays, Optional<SalesforceId> ownerId) {
    Window window = new Window(reads.today(), windowDays, ownerId);
    return new DryRunPlan("pipelineByStage",
        List.of(reads.planDescribeOpportunity(), reads.planQuery(window.inWindowSoql()),
            reads.planQuery(window.overdueSoql())),
        List.of("The Opportunity describe is sent on first use only (cached); its StageName picklist gives the"
                + " order of the stage lines.",
            "On first use one currency query follows, chosen by the describe: '" + OrgCurrency.CORPORATE_CURRENCY
                + "' when Opportunity has CurrencyIsoCode (multi-currency), else '" + OrgCurrency.ORGANIZATION_CURRENCY
                + "'.",
            "Today is " + window.from() + " (UTC)."));
  }

  /** The close-date window and owner filter, and the two aggregate queries over them. */
  private record Window(LocalDate from, int days, Optional<SalesforceId> ownerId) {
    LocalDate to() {
      return from.plusDays(days);
    }

    String inWindowSoql() {
      return "SELECT StageName, COUNT(Id) " + COUNT + ", SUM(Amount) " + SUM + " FROM Opportunity"
          + " WHERE IsClosed = false AND CloseDate >= " + SoqlLiterals.date(from)
          + " AND CloseDate <= " + SoqlLiterals.date(to()) + ownerFilter() + " GROUP BY StageName";
    }

    /** Grouped too, so its sums are in the same (corporate) currency as the window's. */
    String overdueSoql() {
      return "SELECT StageName, COUNT(Id) " + COUNT + ", SUM(Amount) " + SUM + " FROM Opportunity"
          + " WHERE IsClosed = false AND CloseDate < " + SoqlLiterals.date(from) + ownerFilter()
          + " GROUP BY StageName";
    }

    private String ownerFilter() {
      return ownerId.map(id -> " AND OwnerId = " + SoqlLiterals.id(id)).orElse("");
    }
  }

  private List<StageTotal> totals(String soql) {
    return reads.query(soql).records().stream().map(StageTotals::stageTotal).toList();
  }

  private static StageTotal stageTotal(SObjectRecord row) {
    return new StageTotal(row.getString("StageName").orElse(""),
        row.getDecimal(COUNT).map(BigDecimal::longValueExact).orElse(0L),
        row.getDecimal(SUM).orElse(BigDecimal.ZERO));
  }

  private static List<StageTotal> inPicklistOrder(List<StageTotal> totals, List<String> picklist) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < picklist.size(); i++) {
      position.putIfAbsent(picklist.get(i), i);
    }
    return totals.stream()
        .sorted(Comparator.comparingInt((StageTotal s) -> position.getOrDefault(s.stage(), Integer.MAX_VALUE))
            .thenComparing(StageTotal::stage))
        .toList();
  }
}
