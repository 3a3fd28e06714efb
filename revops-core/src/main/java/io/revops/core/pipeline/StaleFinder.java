package io.revops.core.pipeline;

import io.revops.core.plan.DryRunPlan;
import io.revops.core.salesforce.SoqlLiterals;
import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.QueryPage;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stale opportunities. How the last stage change is read depends on the org's describe of
 * {@code Opportunity.LastStageChangeDate}:
 * <ul>
 *   <li>a {@code datetime}: compared with the cutoff as a datetime literal;
 *   <li>a {@code date}: compared with the cutoff's UTC day as a date literal (a bare date against a
 *       datetime field, or the reverse, fails in Salesforce);
 *   <li>absent (or of another type): derived from {@code OpportunityHistory}, see {@link #fromHistory}.
 * </ul>
 * With the field, an opportunity whose {@code LastStageChangeDate} is blank has had no stage change
 * recorded, so its {@code CreatedDate} stands in.
 */
final class StaleFinder {
  private static final String FIELD = "LastStageChangeDate";
  private static final String LIST_FIELDS = "Id, Name, StageName, Amount, CloseDate, Owner.Name";
  private static final String LAST_CHANGE = "lastChange";

  private final SalesforceReads reads;

  StaleFinder(SalesforceReads reads) {
    this.reads = reads;
  }

  /** How the org records stage changes, from the describe. */
  private enum Kind {
    DATETIME, DATE, HISTORY;

    static Kind of(Optional<FieldDescribe> field) {
      String type = field.map(FieldDescribe::type).orElse("");
      return type.equalsIgnoreCase("datetime") ? DATETIME : type.equalsIgnoreCase("date") ? DATE : HISTORY;
    }
  }

  /** One question: the threshold and the moment it was asked. */
  private record Ask(int days, Instant now) {
    Instant cutoff() {
      return now.minus(Duration.ofDays(days));
    }

    LocalDate cutoffDay() {
      return LocalDate.ofInstant(cutoff(), ZoneOffset.UTC);
    }

    String filter(Kind kind) {
      String stageChanged = kind == Kind.DATETIME
          ? SoqlLiterals.dateTime(cutoff()) : SoqlLiterals.date(cutoffDay());
      String created = SoqlLiterals.dateTime(kind == Kind.DATETIME
          ? cutoff() : cutoffDay().atStartOfDay(ZoneOffset.UTC).toInstant());
      return "IsClosed = false AND (" + FIELD + " < " + stageChanged + " OR (" + FIELD + " = null AND CreatedDate < "
          + created + "))";
    }

    String listSoql(Kind kind, int cap) {
      return "SELECT " + LIST_FIELDS + ", CreatedDate, " + FIELD + " FROM Opportunity WHERE " + filter(kind)
          + " ORDER BY " + FIELD + " ASC NULLS FIRST, CreatedDate ASC LIMIT " + cap;
    }

    String countSoql(Kind kind) {
      return "SELECT COUNT() FROM Opportunity WHERE " + filter(kind);
    }

    String historySoql(int cap) {
      return "SELECT OpportunityId, MAX(CreatedDate) " + LAST_CHANGE + " FROM OpportunityHistory"
          + " WHERE Opportunity.IsClosed = false GROUP BY OpportunityId HAVING MAX(CreatedDate) < "
          + SoqlLiterals.dateTime(cutoff()) + " ORDER BY MAX(CreatedDate) ASC LIMIT " + cap;
    }

    String historyCountSoql() {
      String at = SoqlLiterals.dateTime(cutoff());
      return "SELECT COUNT() FROM Opportunity WHERE IsClosed = false"
          + " AND Id IN (SELECT OpportunityId FROM OpportunityHistory WHERE CreatedDate < " + at + ")"
          + " AND Id NOT IN (SELECT OpportunityId FROM OpportunityHistory WHERE CreatedDate >= " + at + ")";
    }
  }

  StaleOpportunities run(int days) {
    Ask ask = new Ask(days, reads.now());
    Kind kind = Kind.of(reads.opportunity().field(FIELD));
    return kind == Kind.HISTORY ? fromHistory(ask) : fromField(ask, kind);
  }

  DryRunPlan plan(int days) {
    Ask ask = new Ask(days, reads.now());
    int cap = reads.cap();
    return new DryRunPlan("staleOpps", List.of(reads.planDescribeOpportunity()), List.of(
        "The Opportunity describe (sent on first use only, then cached) decides the query, by the type of "
            + FIELD + ". Cutoff: " + ask.cutoff() + ".",
        "If it is a datetime: " + reads.check(ask.listSoql(Kind.DATETIME, cap)).soql(),
        "If it is a date: " + reads.check(ask.listSoql(Kind.DATE, cap)).soql(),
        "Either way, when " + cap + " rows come back the total is counted with: "
            + reads.check(ask.countSoql(Kind.DATETIME)).soql() + " (or its date twin).",
        "If the field does not exist: " + reads.check(ask.historySoql(cap)).soql()
            + ", then the listed opportunities' details by Id, and when " + cap + " rows come back: "
            + reads.check(ask.historyCountSoql()).soql()));
  }

  private StaleOpportunities fromField(Ask ask, Kind kind) {
    int cap = reads.cap();
    QueryPage page = reads.query(ask.listSoql(kind, cap));
    List<StaleOpportunity> stale = new ArrayList<>();
    for (SObjectRecord row : page.records()) {
      stale.add(fromFieldRow(row, kind, ask));
    }
    stale.sort(Comparator.comparing(StaleOpportunity::daysInStage).reversed());
    long total = stale.size() < cap ? stale.size() : reads.query(ask.countSoql(kind)).totalSize();
    String method = "Opportunity." + FIELD + " (a " + (kind == Kind.DATETIME ? "datetime" : "date")
        + " in this org)" + (kind == Kind.DATE ? ", compared by UTC day" : "")
        + "; CreatedDate where it is blank (no stage change recorded)";
    return new StaleOpportunities(ask.days(), ask.cutoff(), method, total, stale);
  }

  private StaleOpportunity fromFieldRow(SObjectRecord row, Kind kind, Ask ask) {
    boolean recorded = row.get(FIELD).isPresent();
    StageChangeSource source = recorded ? StageChangeSource.LAST_STAGE_CHANGE_DATE : StageChangeSource.CREATED_DATE;
    long days;
    LocalDate since;
    if (recorded && kind == Kind.DATE) {
      since = row.getDate(FIELD).orElseThrow();
      days = ChronoUnit.DAYS.between(since, LocalDate.ofInstant(ask.now(), ZoneOffset.UTC));
    } else {
      Instant at = row.getDateTime(recorded ? FIELD : "CreatedDate").map(OffsetDateTime::toInstant)
          .orElse(ask.cutoff());
      since = LocalDate.ofInstant(at, ZoneOffset.UTC);
      days = Duration.between(at, ask.now()).toDays();
    }
    return opportunity(row, since, days, source);
  }

  /**
   * Without {@code LastStageChangeDate}: {@code OpportunityHistory} gets a row whenever stage, amount,
   * probability, close date or forecast category changes. An open opportunity whose latest row is
   * older than the cutoff has certainly not changed stage since, so it is stale; grouping by
   * opportunity lets Salesforce pick the stalest 200 by that latest row. Limits: the stage began at or
   * before that row, so days in stage are a lower bound; an opportunity whose amount or close date
   * changed after the cutoff while its stage did not is not listed; one without any history row is
   * not listed.
   */
  private StaleOpportunities fromHistory(Ask ask) {
    int cap = reads.cap();
    Map<SalesforceId, Instant> lastChange = new LinkedHashMap<>();
    for (SObjectRecord row : reads.query(ask.historySoql(cap)).records()) {
      Optional<SalesforceId> id = row.getString("OpportunityId").filter(SalesforceId::isValid).map(SalesforceId::of);
      Optional<Instant> at = row.getDateTime(LAST_CHANGE).map(OffsetDateTime::toInstant);
      if (id.isPresent() && at.isPresent()) {
        lastChange.put(id.get(), at.get());
      }
    }
    List<StaleOpportunity> stale = lastChange.isEmpty() ? List.of() : details(lastChange, ask);
    long total = lastChange.size() < cap ? stale.size() : reads.query(ask.historyCountSoql()).totalSize();
    String method = "OpportunityHistory (this org's Opportunity has no " + FIELD + "): an opportunity is stale when"
        + " its latest history row (any change of stage, amount, probability, close date or forecast category)"
        + " is older than the cutoff; days in stage are counted from that row, so they are a lower bound, and"
        + " opportunities whose amount or close date changed more recently are not listed";
    return new StaleOpportunities(ask.days(), ask.cutoff(), method, total, stale);
  }

  private List<StaleOpportunity> details(Map<SalesforceId, Instant> lastChange, Ask ask) {
    Map<SalesforceId, SObjectRecord> byId = new LinkedHashMap<>();
    String soql = "SELECT " + LIST_FIELDS + " FROM Opportunity WHERE IsClosed = false AND Id IN "
        + SoqlLiterals.idList(lastChange.keySet());
    for (SObjectRecord row : reads.query(soql).records()) {
      row.id().ifPresent(id -> byId.put(id, row));
    }
    List<StaleOpportunity> stale = new ArrayList<>();
    lastChange.forEach((id, at) -> Optional.ofNullable(byId.get(id)).ifPresent(row -> stale.add(opportunity(row,
        LocalDate.ofInstant(at, ZoneOffset.UTC), Duration.between(at, ask.now()).toDays(),
        StageChangeSource.OPPORTUNITY_HISTORY))));
    return stale;
  }

  private static StaleOpportunity opportunity(SObjectRecord row, LocalDate since, long days, StageChangeSource source) {
    return new StaleOpportunity(row.id().orElseThrow(() -> new IllegalStateException("Opportunity row without Id")),
        row.getString("Name").orElse(""), row.getString("StageName").orElse(""), row.getDecimal("Amount"),
        row.getDate("CloseDate"), row.getString("Owner.Name"), since, days, source);
  }
}
