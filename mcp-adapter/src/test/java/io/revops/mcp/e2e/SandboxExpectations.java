package io.revops.mcp.e2e;

import io.revops.sandbox.ClariSampleData;
import io.revops.sandbox.ClariSampleData.DealScore;
import io.revops.sandbox.ClariSampleData.ForecastUser;
import io.revops.sandbox.ClariSampleData.TimePeriod;
import io.revops.sandbox.SampleData;
import io.revops.sandbox.SampleRecord;
import io.revops.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What each tool must answer against the sandbox, computed here directly from the seeded data (the
 * {@link SampleData} of a sandbox started in this JVM with the same seed and the same first clock
 * reading as the jar's), by the rules the tools document, without going through revops-core. Each entry
 * holds the tool's arguments and its expected answer in the canonical shape {@code e2e-sandbox.mjs}
 * projects the tool's structured result to.
 */
final class SandboxExpectations {
  /** The day the jar's sandbox is pinned to ({@code REVOPS_SANDBOX_TODAY}); its clock starts at noon UTC. */
  static final LocalDate DAY = LocalDate.of(2026, 5, 14);
  static final int WINDOW_DAYS = 90;
  /**
   * 60 days: every open opportunity's last stage change was seeded either within 60 days (less 14 hours)
   * or more than 61 days ago, so the few seconds between this computation's "now" and the jar's cannot
   * move one across the threshold. {@link #staleOpps()} checks that margin.
   */
  static final int STALE_DAYS = 60;
  static final int RULE_DAYS = 14;
  static final List<String> HISTORY_FIELDS = List.of("StageName", "Amount", "CloseDate");
  private static final Duration MARGIN = Duration.ofHours(1);
  private static final DateTimeFormatter SALESFORCE_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private final SampleData data;
  private final SandboxOptions options;
  private final LocalDate today;
  private final Instant now;

  SandboxExpectations(SampleData data, SandboxOptions options) {
    this.data = data;
    this.options = options;
    this.now = options.clock().instant();
    this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /** Every tool's arguments and expected answer, plus the tool names in catalog order. */
  Map<String, Object> all() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("tools", List.of("get_forecast", "get_deal_risk", "get_admin_limits", "get_pipeline_changes",
        "get_account", "get_opportunity", "get_contact", "get_lead", "query", "pipeline_by_stage", "stale_opps",
        "at_risk_commits", "add_note", "update_field"));
    all.put("company", data.companyName());
    all.put("get_forecast", forecast());
    all.put("get_deal_risk", dealRisk());
    all.put("get_admin_limits", adminLimits());
    all.put("get_pipeline_changes", pipelineChanges());
    all.putAll(records());
    all.put("query", query());
    all.put("pipeline_by_stage", pipelineByStage());
    all.put("stale_opps", staleOpps());
    all.put("at_risk_commits", atRiskCommits());
    all.put("add_note", addNote());
    all.put("update_field", updateField());
    return all;
  }

  // ---------------------------------------------------------------- Clari

  /** The default tab and quarter: per person, Commit and Best Case with the quota, as Clari's latest week holds. */
  private Map<String, Object> forecast() {
    ClariSampleData clari = data.clari();
    String period = clari.timePeriods().get(0).timePeriodId();
    List<List<Object>> rows = new ArrayList<>();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ClariSampleData.COMMIT, "Commit");
    labels.put(ClariSampleData.BEST_CASE, "Best Case");
    for (ForecastUser user : clari.users()) {
      labels.forEach((fieldId, label) -> rows.add(List.of(user.name(), label,
          clari.latestValue("net_arr", period, user.userId(), fieldId),
          clari.latestValue("net_arr", period, user.userId(), ClariSampleData.QUOTA))));
    }
    return entry(Map.of(), Map.of("forecast_id", "net_arr", "period", period, "rows", rows));
  }

  /** An open commit, a closed-won deal and a deal whose close date has passed. */
  private Map<String, Object> dealRisk() {
    List<String> ids = List.of(readOpportunity().id(),
        first(opportunities(o -> o.getBoolean("IsWon").orElse(false))).id(),
        first(open(o -> o.getDate("CloseDate").filter(d -> d.isBefore(today)).isPresent())).id());
    List<List<Object>> deals = new ArrayList<>();
    for (String id : ids) {
      DealScore score = data.clari().dealScore(id).orElseThrow();
      deals.add(List.of(id, score.score(), score.message()));
    }
    return entry(Map.of("opp_ids", ids), Map.of("deals", deals, "failures", 0));
  }

  private Map<String, Object> adminLimits() {
    return entry(Map.of(), Map.of(
        "concurrent_limit", options.exportConcurrentLimit(),
        "available_concurrent_slots", options.exportConcurrentLimit(),
        "monthly_quota", options.exportMonthlyQuota(),
        "available_monthly_quota", options.exportMonthlyQuota()));
  }

  // ---------------------------------------------------------------- Salesforce reads

  /**
   * The last seven days, today included: the seeded field-history rows of stage, amount and close date,
   * read from OpportunityFieldHistory (the sandbox's FieldDefinition says those fields are tracked), with no
   * caveat.
   */
  private Map<String, Object> pipelineChanges() {
    LocalDate start = today.minusDays(6);
    Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant until = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<List<Object>> changes = data.records("OpportunityFieldHistory").stream()
        .filter(h -> HISTORY_FIELDS.contains(h.getString("Field").orElse("")))
        .filter(h -> within(h.getDateTime("CreatedDate").orElseThrow(), from, until))
        .map(h -> List.<Object>of(h.getString("OpportunityId").orElseThrow(), h.getString("Field").orElseThrow(),
            h.getDateTime("CreatedDate").orElseThrow().toString()))
        .toList();
    require(!changes.isEmpty() && changes.size() <= 200, "the change window holds 1-200 seeded changes, not "
        + changes.size());
    return entry(Map.of("start_date", start.toString(), "end_date", today.toString()), Map.of(
        "source", "SALESFORCE_FIELD_HISTORY", "notes", List.of(), "changes", changes));
  }

  /** get_opportunity, get_account, get_contact, get_lead: every populated field as seeded. */
  private Map<String, Object> records() {
    SampleRecord opportunity = readOpportunity();
    SampleRecord owner = data.record("User", opportunity.getString("OwnerId").orElseThrow()).orElseThrow();
    SampleRecord account = data.record("Account", opportunity.getString("AccountId").orElseThrow()).orElseThrow();
    SampleRecord contact = first(data.records("Contact").stream()
        .filter(c -> c.getString("AccountId").equals(Optional.of(account.id()))).toList());
    SampleRecord lead = data.records("Lead").get(0);
    Map<String, Object> records = new LinkedHashMap<>();
    records.put("get_opportunity", entry(Map.of("opp_id", opportunity.id()), Map.of("fields",
        fields(opportunity), "owner", Map.of("name", owner.getString("Name").orElseThrow(),
            "email", owner.getString("Email").orElseThrow()))));
    records.put("get_account", entry(Map.of("account_id", account.id()), Map.of("fields", fields(account))));
    records.put("get_contact", entry(Map.of("contact_id", contact.id()), Map.of("fields", fields(contact))));
    records.put("get_lead", entry(Map.of("lead_id", lead.id()), Map.of("fields", fields(lead))));
    return records;
  }

  /** Open commits of 100,000 or more, with the owner's name through the relationship. */
  private Map<String, Object> query() {
    String soql = "SELECT Id, Name, Amount, Owner.Name FROM Opportunity WHERE StageName = 'Commit'"
        + " AND IsClosed = false AND Amount >= 100000 ORDER BY Amount DESC";
    List<List<Object>> rows = open(o -> o.getString("StageName").equals(Optional.of("Commit"))
        && o.getDecimal("Amount").filter(a -> a.compareTo(BigDecimal.valueOf(100_000)) >= 0).isPresent())
        .stream().map(o -> List.<Object>of(o.id(), o.getString("Name").orElseThrow(),
            o.getDecimal("Amount").orElseThrow(), ownerName(o)))
        .toList();
    require(!rows.isEmpty(), "some open commits are worth 100,000 or more");
    return entry(Map.of("soql", soql), Map.of("soql", soql + " LIMIT 200", "total_size", rows.size(), "rows", rows));
  }

  /** Open opportunities closing today through today + 90 days, per stage in picklist order; overdue apart. */
  private Map<String, Object> pipelineByStage() {
    LocalDate to = today.plusDays(WINDOW_DAYS);
    List<List<Object>> stages = new ArrayList<>();
    for (String stage : data.stageNames()) {
      List<SampleRecord> inStage = open(o -> o.getString("StageName").equals(Optional.of(stage))
          && o.getDate("CloseDate").filter(d -> !d.isBefore(today) && !d.isAfter(to)).isPresent());
      if (!inStage.isEmpty()) {
        stages.add(List.of(stage, inStage.size(), sum(inStage)));
      }
    }
    List<SampleRecord> window = open(o -> o.getDate("CloseDate").filter(d -> !d.isBefore(today) && !d.isAfter(to))
        .isPresent());
    List<SampleRecord> overdue = open(o -> o.getDate("CloseDate").filter(d -> d.isBefore(today)).isPresent());
    return entry(Map.of("close_date_window_days", WINDOW_DAYS), Map.of(
        "from", today.toString(), "to", to.toString(), "stages", stages,
        "total", List.of(window.size(), sum(window)), "overdue", List.of(overdue.size(), sum(overdue))));
  }

  /** Open opportunities whose last stage change (else creation) is more than 60 days ago, with days in stage. */
  private Map<String, Object> staleOpps() {
    Instant cutoff = now.minus(Duration.ofDays(STALE_DAYS));
    List<List<Object>> stale = new ArrayList<>();
    for (SampleRecord o : open(o -> true)) {
      Instant since = o.getDateTime("LastStageChangeDate").or(() -> o.getDateTime("CreatedDate")).orElseThrow();
      require(Duration.between(since, cutoff).abs().compareTo(MARGIN) > 0, o.id() + "'s last stage change is not"
          + " within an hour of the stale cutoff");
      if (since.isBefore(cutoff)) {
        Duration inStage = Duration.between(since, now);
        require(inStage.minusDays(inStage.toDays()).compareTo(Duration.ofDays(1).minus(MARGIN)) < 0, o.id()
            + "'s days in stage are not about to tick over");
        stale.add(List.of(o.id(), inStage.toDays()));
      }
    }
    require(!stale.isEmpty() && stale.size() < 200, "1-199 opportunities are stale, not " + stale.size());
    return entry(Map.of("days_in_stage_threshold", STALE_DAYS), Map.of("total_count", stale.size(),
        "opportunities", stale));
  }

  /**
   * Open commit-stage deals with no activity in 14 days (NO_RECENT_ACTIVITY), or closing within 14 days
   * of the quarter end while their account has no upcoming Event (CLOSING_WITHOUT_MEETING), with Clari's
   * score.
   */
  private Map<String, Object> atRiskCommits() {
    TimePeriod quarter = data.clari().timePeriods().get(0);
    LocalDate quarterEnd = quarter.endDate();
    LocalDate activityCutoff = today.minusDays(RULE_DAYS);
    List<List<Object>> deals = new ArrayList<>();
    int closingNearQuarterEnd = 0;
    for (SampleRecord o : open(o -> o.getString("StageName").equals(Optional.of(data.commitStageName())))) {
      Optional<LocalDate> close = o.getDate("CloseDate");
      boolean nearQuarterEnd = close.filter(d -> !d.isBefore(quarterEnd.minusDays(RULE_DAYS)) && !d.isAfter(quarterEnd))
          .isPresent();
      closingNearQuarterEnd += nearQuarterEnd ? 1 : 0;
      List<String> rules = new ArrayList<>();
      if (o.getDate("LastActivityDate").filter(d -> !d.isBefore(activityCutoff)).isEmpty()) {
        rules.add("NO_RECENT_ACTIVITY");
      }
      if (nearQuarterEnd && !hasUpcomingEvent(o.getString("AccountId"))) {
        rules.add("CLOSING_WITHOUT_MEETING");
      }
      if (!rules.isEmpty() && close.isPresent()) {
        deals.add(List.of(o.id(), rules.stream().sorted().toList(),
            data.clari().dealScore(o.id()).orElseThrow().score()));
      }
    }
    // So that both rules flag deals: the sample data leaves some commits closing at the quarter end on
    // accounts with no upcoming meeting.
    require(closingNearQuarterEnd > 0, "some open commit closes within 14 days of the quarter end");
    require(deals.stream().anyMatch(d -> ((List<?>) d.get(1)).contains("CLOSING_WITHOUT_MEETING")),
        "some open commit closing within 14 days of the quarter end has no upcoming meeting on its account");
    require(deals.stream().anyMatch(d -> ((List<?>) d.get(1)).contains("NO_RECENT_ACTIVITY")),
        "some open commit has had no activity in 14 days");
    return entry(Map.of("quarter_end_date", quarterEnd.toString()), Map.of("as_of", today.toString(),
        "deals", deals));
  }

  private boolean hasUpcomingEvent(Optional<String> accountId) {
    if (accountId.isEmpty()) {
      return false;
    }
    return data.records("Event").stream()
        .filter(e -> e.getString("AccountId").equals(accountId))
        .anyMatch(e -> {
          if (e.getBoolean("IsAllDayEvent").orElse(false)) {
            return e.getDate("ActivityDate").filter(d -> !d.isBefore(today)).isPresent();
          }
          Instant start = e.getDateTime("StartDateTime").orElseThrow();
          require(Duration.between(now, start).abs().compareTo(MARGIN) > 0, "event " + e.id()
              + " does not start within an hour of now");
          return start.isAfter(now);
        });
  }

  // ---------------------------------------------------------------- writes

  private Map<String, Object> addNote() {
    SampleRecord target = writeOpportunity();
    String title = "E2E sandbox note";
    long links = data.records("ContentDocumentLink").stream()
        .filter(l -> l.getString("LinkedEntityId").equals(Optional.of(target.id()))).count();
    return entry(Map.of("object_type", "Opportunity", "object_id", target.id(),
        "body", title + "\nWritten by the end-to-end test against the sandbox."), Map.of(
        "title", title,
        "links_soql", "SELECT ContentDocumentId, ContentDocument.Title FROM ContentDocumentLink WHERE"
            + " LinkedEntityId = '" + target.id() + "'",
        "links_after", links + 1));
  }

  private Map<String, Object> updateField() {
    SampleRecord target = writeOpportunity();
    String justification = "Agreed in the forecast call on " + today;
    long audits = data.records(data.auditObjectName()).stream()
        .filter(a -> a.getString("Record_Id__c").equals(Optional.of(target.id()))).count();
    Map<String, Object> expect = new LinkedHashMap<>();
    expect.put("old_value", target.getString("NextStep").orElse(""));
    expect.put("audit_soql", "SELECT Id, Object_Name__c, Field_Name__c, Old_Value__c, New_Value__c,"
        + " Justification__c FROM " + data.auditObjectName() + " WHERE Record_Id__c = '" + target.id() + "'");
    expect.put("audits_after", audits + 1);
    return entry(Map.of("object_type", "Opportunity", "object_id", target.id(), "field_name", "NextStep",
        "new_value", "Security review booked for next week", "justification", justification), expect);
  }

  // ---------------------------------------------------------------- the records the calls use

  /** The first open commit (by id) with an account and a contact on it. */
  private SampleRecord readOpportunity() {
    return first(open(o -> o.getString("StageName").equals(Optional.of(data.commitStageName()))
        && o.getString("AccountId").filter(this::hasContact).isPresent()));
  }

  /** The first open Negotiation deal (by id): the one the write tools change. */
  private SampleRecord writeOpportunity() {
    return first(open(o -> o.getString("StageName").equals(Optional.of("Negotiation"))));
  }

  private boolean hasContact(String accountId) {
    return data.records("Contact").stream().anyMatch(c -> c.getString("AccountId").equals(Optional.of(accountId)));
  }

  private List<SampleRecord> open(Predicate<SampleRecord> filter) {
    return opportunities(o -> !o.getBoolean("IsClosed").orElseThrow() && filter.test(o));
  }

  private List<SampleRecord> opportunities(Predicate<SampleRecord> filter) {
    return data.records("Opportunity").stream().filter(filter).sorted(Comparator.comparing(SampleRecord::id)).toList();
  }

  private String ownerName(SampleRecord record) {
    return data.record("User", record.getString("OwnerId").orElseThrow()).orElseThrow().getString("Name")
        .orElseThrow();
  }

  // ---------------------------------------------------------------- helpers

  /** Field values as the tools put them in JSON: dates ISO, date-times in Salesforce's format, numbers as numbers. */
  private static Map<String, Object> fields(SampleRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    record.fields().forEach((name, value) -> fields.put(name, value instanceof LocalDate date ? date.toString()
        : value instanceof Instant instant ? SALESFORCE_DATETIME.format(instant) : value));
    return fields;
  }

  private static BigDecimal sum(List<SampleRecord> opportunities) {
    return opportunities.stream().map(o -> o.getDecimal("Amount").orElse(BigDecimal.ZERO))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static boolean within(Instant at, Instant from, Instant until) {
    return !at.isBefore(from) && at.isBefore(until);
  }

  private static SampleRecord first(List<SampleRecord> records) {
    require(!records.isEmpty(), "the sample data has a record of the kind the test needs");
    return records.get(0);
  }

  private static Map<String, Object> entry(Map<String, Object> args, Map<String, Object> expect) {
    return Map.of("args", args, "expect", expect);
  }

  /** A precondition on the seeded data that the expectations rely on; fails the test, naming it, when broken. */
  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("The sandbox's sample data changed: the end-to-end test expects that " + what
          + ". Adjust SandboxExpectations.");
    }
  }
}
