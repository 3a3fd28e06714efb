package io.revops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seeded sample org: deterministic, current relative to the clock, and internally consistent. */
class SampleDataTest {
  private static Sandbox start(Instant now, long seed) {
    return Sandbox.start(SandboxOptions.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).seed(seed).build());
  }

  @Test
  void theSameSeedAndDayGiveTheSameOrgAndAnotherSeedAnotherOne() {
    Instant now = SandboxFixture.START;
    try (Sandbox a = start(now, 7); Sandbox b = start(now, 7); Sandbox c = start(now, 8)) {
      for (String object : a.data().objectNames()) {
        assertThat(b.data().records(object)).as(object).isEqualTo(a.data().records(object));
      }
      assertThat(c.data().records("Opportunity")).isNotEqualTo(a.data().records("Opportunity"));
      assertThat(b.data().clari().users()).isEqualTo(a.data().clari().users());
      assertThat(b.data().clari().auditEvents()).isEqualTo(a.data().clari().auditEvents());
    }
  }

  @Test
  void severalCommitsClosingAtQuarterEndHaveNoMeetingBookedOnTheirAccount() {
    try (Sandbox sandbox = start(SandboxFixture.START, SandboxOptions.DEFAULT_SEED)) {
      SampleData data = sandbox.data();
      LocalDate today = data.today();
      LocalDate quarterEnd = today.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
      List<SampleRecord> upcoming = data.records("Event").stream()
          .filter(e -> e.getDateTime("StartDateTime").orElseThrow().isAfter(SandboxFixture.START)).toList();
      Set<String> accountsWithMeeting = upcoming.stream().map(e -> e.getString("AccountId").orElseThrow())
          .collect(Collectors.toSet());
      List<SampleRecord> closingCommits = data.records("Opportunity").stream()
          .filter(o -> !o.getBoolean("IsClosed").orElseThrow()
              && o.getString("StageName").orElseThrow().equals(data.commitStageName()))
          .filter(o -> !o.getDate("CloseDate").orElseThrow().isBefore(quarterEnd.minusDays(14))
              && !o.getDate("CloseDate").orElseThrow().isAfter(quarterEnd))
          .toList();
      assertThat(closingCommits).filteredOn(o -> !accountsWithMeeting.contains(o.getString("AccountId").orElseThrow()))
          .hasSizeGreaterThanOrEqualTo(2);
      assertThat(accountsWithMeeting.size()).isGreaterThan(data.records("Account").size() / 2);

      Set<String> withUpcomingEvent = upcoming.stream().map(e -> e.getString("WhatId").orElseThrow())
          .collect(Collectors.toSet());
      assertThat(data.records("Opportunity")).allSatisfy(o -> assertThat(o.getBoolean("HasOpenActivity"))
          .as(o.id()).contains(withUpcomingEvent.contains(o.id())));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-05-14T15:30:00Z", "2026-06-30T23:59:00Z", "2027-01-01T00:05:00Z",
      "2031-02-28T09:00:00Z"})
  void theDataIsPlacedRelativeToTheClockWhateverTheDay(String at) {
    Instant now = Instant.parse(at);
    try (Sandbox sandbox = start(now, SandboxOptions.DEFAULT_SEED)) {
      SampleData data = sandbox.data();
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      assertThat(data.today()).isEqualTo(today);
      LocalDate quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
      LocalDate nextQuarter = quarterStart.plusMonths(3);
      List<SampleRecord> opportunities = data.records("Opportunity");
      assertThat(opportunities).hasSize(300);
      List<SampleRecord> open = opportunities.stream().filter(o -> !o.getBoolean("IsClosed").orElseThrow()).toList();
      assertThat(open).anyMatch(o -> o.getDate("CloseDate").orElseThrow().isBefore(today));
      assertThat(open).anyMatch(o -> !o.getDate("CloseDate").orElseThrow().isBefore(today)
          && o.getDate("CloseDate").orElseThrow().isBefore(nextQuarter));
      assertThat(open).anyMatch(o -> !o.getDate("CloseDate").orElseThrow().isBefore(nextQuarter)
          && o.getDate("CloseDate").orElseThrow().isBefore(nextQuarter.plusMonths(3)));
      assertThat(opportunities).filteredOn(o -> o.getBoolean("IsClosed").orElseThrow())
          .allMatch(o -> o.getDate("CloseDate").orElseThrow().isBefore(today));
      for (String object : data.objectNames()) {
        for (SampleRecord r : data.records(object)) {
          for (String field : List.of("CreatedDate", "LastModifiedDate", "LastStageChangeDate")) {
            if (r.fields().containsKey(field)) {
              assertThat(r.getDateTime(field).orElseThrow()).as(object + "." + field).isBeforeOrEqualTo(now);
            }
          }
        }
      }
      assertThat(data.clari().timePeriods().get(0).startDate()).isEqualTo(quarterStart);
    }
  }

  @Test
  void opportunitiesCoverEveryStageWithTheFieldsTheToolsNeed() {
    try (Sandbox sandbox = start(SandboxFixture.START, SandboxOptions.DEFAULT_SEED)) {
      SampleData data = sandbox.data();
      Instant now = SandboxFixture.START;
      List<SampleRecord> opportunities = data.records("Opportunity");
      assertThat(opportunities.stream().map(o -> o.getString("StageName").orElseThrow()).collect(Collectors.toSet()))
          .containsExactlyInAnyOrderElementsOf(data.stageNames()).contains(data.commitStageName());
      assertThat(opportunities).allSatisfy(o -> {
        assertThat(o.getDecimal("Amount").orElseThrow()).isPositive();
        assertThat(o.getString("ForecastCategoryName")).isPresent();
        assertThat(o.getDateTime("LastStageChangeDate")).isPresent();
        assertThat(o.getString("AccountId")).isPresent();
      });
      assertThat(opportunities).anyMatch(o -> o.getDate("LastActivityDate").isEmpty());
      assertThat(opportunities).anyMatch(o -> o.getDateTime("LastStageChangeDate").orElseThrow()
          .isAfter(now.minusSeconds(30L * 86400)));
      assertThat(opportunities).anyMatch(o -> o.getDateTime("LastStageChangeDate").orElseThrow()
          .isBefore(now.minusSeconds(60L * 86400)) && !o.getBoolean("IsClosed").orElseThrow());
      Set<String> reps = data.clari().users().stream().filter(u -> u.scopeId().endsWith("::REP"))
          .map(ClariSampleData.ForecastUser::crmId).collect(Collectors.toSet());
      assertThat(opportunities).allMatch(o -> reps.contains(o.getString("OwnerId").orElseThrow()));

      assertThat(data.records("Account")).hasSize(60);
      assertThat(data.records("Contact")).hasSize(120);
      assertThat(data.records("Lead")).hasSize(80);
      assertThat(data.records("User")).hasSize(12);
      assertThat(data.records("Organization").get(0).getString("DefaultCurrencyIsoCode")).contains("USD");
      List<SampleRecord> events = data.records("Event");
      assertThat(events).anyMatch(e -> e.getDate("ActivityDate").orElseThrow().isAfter(data.today()));
      assertThat(events).anyMatch(e -> e.getDate("ActivityDate").orElseThrow().isBefore(data.today()));
      assertThat(events).anyMatch(e -> e.getBoolean("IsAllDayEvent").orElseThrow());
      assertThat(events).allMatch(e -> e.getString("AccountId").isPresent() && e.getDateTime("StartDateTime")
          .isPresent());
      List<SampleRecord> audits = data.records(data.auditObjectName());
      assertThat(audits).anyMatch(a -> a.getBoolean("Failed__c").orElseThrow() && a.getString("Error__c").isPresent());
      assertThat(audits).allMatch(a -> a.getString("Justification__c").isPresent());
      assertThat(data.records("ContentNote")).isNotEmpty();
      assertThat(data.records("ContentDocumentLink")).hasSameSizeAs(data.records("ContentNote"));
    }
  }

  @Test
  void historyRowsAgreeWithTheOpportunitiesAndRecentChangesExist() {
    try (Sandbox sandbox = start(SandboxFixture.START, SandboxOptions.DEFAULT_SEED)) {
      SampleData data = sandbox.data();
      Map<String, List<SampleRecord>> snapshots = data.records("OpportunityHistory").stream()
          .collect(Collectors.groupingBy(h -> h.getString("OpportunityId").orElseThrow()));
      for (SampleRecord o : data.records("Opportunity")) {
        SampleRecord latest = snapshots.get(o.id()).stream()
            .max(Comparator.comparing(h -> h.getDateTime("CreatedDate").orElseThrow())).orElseThrow();
        assertThat(latest.getString("StageName")).as(o.id()).isEqualTo(o.getString("StageName"));
        assertThat(latest.getDecimal("Amount").orElseThrow()).isEqualByComparingTo(o.getDecimal("Amount").orElseThrow());
        assertThat(latest.getDate("CloseDate")).isEqualTo(o.getDate("CloseDate"));
      }
      Map<String, Instant> lastStageChange = new HashMap<>();
      for (SampleRecord h : data.records("OpportunityFieldHistory")) {
        if (h.getString("Field").orElseThrow().equals("StageName")) {
          lastStageChange.merge(h.getString("OpportunityId").orElseThrow(), h.getDateTime("CreatedDate").orElseThrow(),
              (x, y) -> x.isAfter(y) ? x : y);
        }
      }
      for (SampleRecord o : data.records("Opportunity")) {
        assertThat(o.getDateTime("LastStageChangeDate")).as(o.id())
            .contains(lastStageChange.getOrDefault(o.id(), o.getDateTime("CreatedDate").orElseThrow()));
      }
      Instant monthAgo = SandboxFixture.START.minusSeconds(30L * 86400);
      Set<String> recentlyChanged = data.records("OpportunityFieldHistory").stream()
          .filter(h -> h.getDateTime("CreatedDate").orElseThrow().isAfter(monthAgo))
          .map(h -> h.getString("Field").orElseThrow()).collect(Collectors.toSet());
      assertThat(recentlyChanged).containsExactlyInAnyOrder("StageName", "Amount", "CloseDate");

      Map<String, LocalDate> lastEvent = new HashMap<>();
      for (SampleRecord e : data.records("Event")) {
        LocalDate day = e.getDate("ActivityDate").orElseThrow();
        if (day.isBefore(data.today())) {
          lastEvent.merge(e.getString("WhatId").orElseThrow(), day, (x, y) -> x.isAfter(y) ? x : y);
        }
      }
      for (SampleRecord o : data.records("Opportunity")) {
        assertThat(o.getDate("LastActivityDate")).as(o.id()).isEqualTo(Optional.ofNullable(lastEvent.get(o.id())));
      }
    }
  }
}
