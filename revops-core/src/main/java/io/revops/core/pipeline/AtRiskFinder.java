package io.revops.core.pipeline;

import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import io.revops.core.salesforce.SoqlLiterals;
import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.PicklistValue;
import io.revops.salesforce.SObjectDescribe;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At-risk commits: checks the commit stage against the describe, lists the commit-stage candidates of
 * either rule with one query, then asks which of the rule-(b) candidates' accounts have an upcoming
 * {@code Event} with one aggregate query, and leaves Clari's scores to {@link ClariScoring}.
 */
final class AtRiskFinder {
  static final int RULE_DAYS = 14;
  private static final String FIELDS =
      "Id, Name, AccountId, Account.Name, Amount, CloseDate, LastActivityDate, Owner.Name";

  private final SalesforceReads reads;
  private final String commitStage;
  private final ClariScoring clari;

  AtRiskFinder(SalesforceReads reads, String commitStage, ClariScoring clari) {
    this.reads = reads;
    this.commitStage = commitStage;
    this.clari = clari;
  }

  /** One question: the quarter end, and today and now when it was asked. */
  private record Ask(String stage, LocalDate quarterEnd, LocalDate today, Instant now) {
    LocalDate activityCutoff() {
      return today.minusDays(RULE_DAYS);
    }

    LocalDate closingFrom() {
      return quarterEnd.minusDays(RULE_DAYS);
    }

    boolean closesNearQuarterEnd(LocalDate closeDate) {
      return !closeDate.isBefore(closingFrom()) && !closeDate.isAfter(quarterEnd);
    }

    String filter() {
      return "IsClosed = false AND StageName = " + SoqlLiterals.string(stage)
          + " AND (LastActivityDate = null OR LastActivityDate < " + SoqlLiterals.date(activityCutoff())
          + " OR (CloseDate >= " + SoqlLiterals.date(closingFrom())
          + " AND CloseDate <= " + SoqlLiterals.date(quarterEnd) + "))";
    }

    String candidatesSoql(int cap) {
      return "SELECT " + FIELDS + " FROM Opportunity WHERE " + filter() + " ORDER BY CloseDate ASC, Id ASC LIMIT " + cap;
    }

    String countSoql() {
      return "SELECT COUNT() FROM Opportunity WHERE " + filter();
    }

    /** All-day events count from their date, timed events from their start. */
    String upcomingEventsSoql(Set<SalesforceId> accounts) {
      return "SELECT AccountId FROM Event WHERE AccountId IN " + SoqlLiterals.idList(accounts)
          + " AND ((IsAllDayEvent = true AND ActivityDate >= " + SoqlLiterals.date(today) + ")"
          + " OR (IsAllDayEvent = false AND StartDateTime > " + SoqlLiterals.dateTime(now) + "))"
          + " GROUP BY AccountId";
    }
  }

  AtRiskCommits run(LocalDate quarterEnd) {
    Ask ask = new Ask(commitStage, quarterEnd, reads.today(), reads.now());
    requireCommitStage(reads.opportunity());
    int cap = reads.cap();
    List<SObjectRecord> candidates = reads.query(ask.candidatesSoql(cap)).records();
    boolean truncated = candidates.size() >= cap && reads.query(ask.countSoql()).totalSize() > candidates.size();
    Set<SalesforceId> withMeeting = accountsWithUpcomingEvents(candidates, ask);
    List<AtRiskCommit> deals = new ArrayList<>();
    for (SObjectRecord row : candidates) {
      flag(row, ask, withMeeting).ifPresent(deals::add);
    }
    ClariScoring.Scored scored = clari.score(deals);
    return new AtRiskCommits(quarterEnd, commitStage, ask.today(), scored.deals(), truncated, scored.status());
  }

  DryRunPlan plan(LocalDate quarterEnd) {
    Ask ask = new Ask(commitStage, quarterEnd, reads.today(), reads.now());
    int cap = reads.cap();
    List<PlannedRequest> requests = List.of(reads.planDescribeOpportunity(), reads.planQuery(ask.candidatesSoql(cap)));
    List<String> notes = new ArrayList<>(List.of(
        "The Opportunity describe (sent on first use only, then cached) must list '" + commitStage
            + "' among the StageName values; otherwise the call fails naming the org's stages and nothing else is sent.",
        "When " + cap + " candidates come back, the total is counted with: " + reads.check(ask.countSoql()).soql(),
        "For candidates closing from " + ask.closingFrom() + " through " + quarterEnd + ", one more query asks which of"
            + " their accounts have an upcoming Event: SELECT AccountId FROM Event WHERE AccountId IN (<their accounts>)"
            + " AND ((IsAllDayEvent = true AND ActivityDate >= " + ask.today() + ") OR (IsAllDayEvent = false AND"
            + " StartDateTime > " + SoqlLiterals.dateTime(ask.now()) + ")) GROUP BY AccountId LIMIT " + cap));
    clari.planNote().ifPresent(notes::add);
    return new DryRunPlan("atRiskCommits", requests, notes);
  }

  private void requireCommitStage(SObjectDescribe opportunity) {
    List<PicklistValue> values = opportunity.field("StageName").map(FieldDescribe::picklistValues).orElse(List.of());
    if (values.stream().anyMatch(v -> v.value().equals(commitStage))) {
      return;
    }
    String active = values.stream().filter(PicklistValue::active).map(v -> "'" + v.value() + "'")
        .collect(Collectors.joining(", "));
    Optional<String> near = values.stream()
        .filter(v -> v.value().equalsIgnoreCase(commitStage) || v.label().equalsIgnoreCase(commitStage))
        .map(PicklistValue::value).findFirst();
    throw new RevOpsArgumentException("commitStageName",
        "'" + commitStage + "' is not a value of Opportunity.StageName in this org (its stages: "
            + (active.isEmpty() ? "none readable" : active) + ")",
        near.map(v -> "Did you mean '" + v + "'? ").orElse("")
            + "Set SFDC_COMMIT_STAGE_NAME to the stage your team treats as commit; note that 'Commit' is"
            + " usually a forecast category (ForecastCategoryName), not a stage");
  }

  private Set<SalesforceId> accountsWithUpcomingEvents(List<SObjectRecord> candidates, Ask ask) {
    Set<SalesforceId> accounts = new LinkedHashSet<>();
    for (SObjectRecord row : candidates) {
      if (row.getDate("CloseDate").filter(ask::closesNearQuarterEnd).isPresent()) {
        accountId(row).ifPresent(accounts::add);
      }
    }
    if (accounts.isEmpty()) {
      return Set.of();
    }
    Set<SalesforceId> withEvents = new HashSet<>();
    for (SObjectRecord row : reads.query(ask.upcomingEventsSoql(accounts)).records()) {
      accountId(row).ifPresent(withEvents::add);
    }
    return withEvents;
  }

  private static Optional<AtRiskCommit> flag(SObjectRecord row, Ask ask, Set<SalesforceId> withMeeting) {
    Optional<LocalDate> closeDate = row.getDate("CloseDate");
    Optional<LocalDate> lastActivity = row.getDate("LastActivityDate");
    Optional<SalesforceId> account = accountId(row);
    List<RiskRule> rules = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    if (lastActivity.isEmpty() || lastActivity.get().isBefore(ask.activityCutoff())) {
      rules.add(RiskRule.NO_RECENT_ACTIVITY);
      reasons.add(lastActivity.map(d -> "last activity on " + d + ", more than " + RULE_DAYS + " days ago (before "
          + ask.activityCutoff() + ")").orElse("no activity logged"));
    }
    if (closeDate.filter(ask::closesNearQuarterEnd).isPresent()
        && account.map(a -> !withMeeting.contains(a)).orElse(true)) {
      rules.add(RiskRule.CLOSING_WITHOUT_MEETING);
      reasons.add("closes on " + closeDate.get() + ", within " + RULE_DAYS + " days of the quarter end "
          + ask.quarterEnd() + ", and " + account.map(a -> "its account has no upcoming meeting (no Event after now)")
              .orElse("it has no account, so no upcoming account meeting"));
    }
    if (rules.isEmpty() || closeDate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AtRiskCommit(row.id().orElseThrow(() -> new IllegalStateException("Opportunity row without Id")),
        row.getString("Name").orElse(""), row.getString("Account.Name"), row.getDecimal("Amount"), closeDate.get(),
        lastActivity, row.getString("Owner.Name"), rules, reasons, Optional.empty()));
  }

  private static Optional<SalesforceId> accountId(SObjectRecord row) {
    return row.getString("AccountId").filter(SalesforceId::isValid).map(SalesforceId::of);
  }
}
