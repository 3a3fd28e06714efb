package io.revops.sandbox.internal.clari;

import io.revops.sandbox.internal.data.SampleOrg;
import io.revops.sandbox.internal.data.SampleOrg.Role;
import io.revops.sandbox.internal.data.SampleOrg.TeamMember;
import io.revops.sandbox.internal.salesforce.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The Clari tenant of the sample company: a forecast hierarchy over the Salesforce sales team, two
 * forecast tabs ({@code net_arr}, {@code renewals}) with Commit, Best Case and Quota for the current and
 * the next quarter, audit events, and deal scores for the Salesforce opportunities.
 *
 * <p>Forecast calls are derived from the seeded opportunities when the sandbox starts: a rep's Commit is
 * closed-won plus open {@code Commit}-category amount closing in the quarter, Best Case adds open
 * {@code Best Case} amount; managers and the CRO roll up their teams. Earlier weeks of the quarter ramp
 * up to the latest week's value. Immutable once built.
 */
public final class ClariModel {
  /** Clari's org id in every error and job. */
  public static final int ORG_ID = 4242;
  /** The Clari user the API token belongs to (the integration user). */
  public static final String API_USER_ID = "1900";

  /** A Forecast Tab: its id (the URL slug), its title, and whether it counts only renewals. */
  public record ForecastTab(String forecastId, String title, boolean renewalsOnly) {}

  /** A user of the forecast hierarchy; {@code crmId} is the Salesforce user id. */
  public record ForecastUser(String userId, String name, String email, String crmId, String scopeId,
      String hierarchyId, String hierarchyName, Optional<String> parentHierarchyId,
      Optional<String> parentHierarchyName) {}

  /** A forecast column: a call ({@code forecast}) or the quota ({@code quota}). */
  public record Field(String fieldId, String fieldName, String fieldType) {}

  /** A quarter Clari has data for, {@code 2026_Q2}. */
  public record Quarter(String timePeriodId, String label, int year, LocalDate startDate, LocalDate endDate) {}

  /** One week of a quarter, {@code W01} onwards. */
  public record TimeFrame(String timeFrameId, LocalDate startDate, LocalDate endDate) {}

  /** Who an audit event is about. */
  public record AuditActor(String actorId, String actorType, String name, String email) {}

  /** One audit log entry. */
  public record AuditEvent(String correlationId, String actorId, String actorType, String sessionId,
      String ipAddress, String sessionType, String event, Instant timestamp) {}

  public static final List<ForecastTab> TABS = List.of(new ForecastTab("net_arr", "Net ARR", false),
      new ForecastTab("renewals", "Renewals", true));
  public static final Field COMMIT = new Field("commit", "Commit", "forecast");
  public static final Field BEST_CASE = new Field("best_case", "Best Case", "forecast");
  public static final Field QUOTA = new Field("quota", "Quota", "quota");

  private final long seed;
  private final Instant now;
  private final List<ForecastUser> users = new ArrayList<>();
  private final Map<String, List<String>> reports = new LinkedHashMap<>();
  private final List<Quarter> quarters = new ArrayList<>();
  private final Map<String, BigDecimal> latest = new LinkedHashMap<>();
  private final List<AuditActor> actors = new ArrayList<>();
  private final List<AuditEvent> auditEvents = new ArrayList<>();

  private ClariModel(long seed, Instant now) {
    this.seed = seed;
    this.now = now;
  }

  /** Builds the tenant from the seeded org; {@code seed} drives quotas, update flags and audit events. */
  public static ClariModel build(SampleOrg org, Instant now, long seed) {
    ClariModel model = new ClariModel(seed, now);
    model.hierarchy(org.team());
    model.quarters(org.today());
    model.forecasts(org.team(), org.store());
    model.audit(org.team());
    return model;
  }

  // ---------------------------------------------------------------- queries

  public List<ForecastUser> users() {
    return List.copyOf(users);
  }

  public List<Quarter> quarters() {
    return List.copyOf(quarters);
  }

  public Optional<ForecastTab> tab(String forecastId) {
    return TABS.stream().filter(t -> t.forecastId().equals(forecastId)).findFirst();
  }

  /** The quarter named {@code timePeriodId}, else the current quarter (Clari silently falls back to it). */
  public Quarter quarterOrCurrent(String timePeriodId) {
    return quarters.stream().filter(q -> q.timePeriodId().equals(timePeriodId)).findFirst().orElse(quarters.get(0));
  }

  /** The users under (and including) the one whose scope is {@code scopeId}, or everyone for no scope. */
  public Optional<List<ForecastUser>> scope(Optional<String> scopeId) {
    if (scopeId.isEmpty()) {
      return Optional.of(users());
    }
    Optional<ForecastUser> root = users.stream().filter(u -> u.scopeId().equals(scopeId.get())).findFirst();
    if (root.isEmpty()) {
      return Optional.empty();
    }
    List<ForecastUser> out = new ArrayList<>();
    List<String> queue = new ArrayList<>(List.of(root.get().userId()));
    while (!queue.isEmpty()) {
      String id = queue.remove(0);
      users.stream().filter(u -> u.userId().equals(id)).forEach(out::add);
      queue.addAll(reports.getOrDefault(id, List.of()));
    }
    return Optional.of(out);
  }

  /** The weekly time frames of a quarter ({@code W01}, {@code W02}, ...; the last one ends with the quarter). */
  public List<TimeFrame> timeFrames(Quarter quarter) {
    List<TimeFrame> frames = new ArrayList<>();
    int week = 1;
    for (LocalDate start = quarter.startDate(); !start.isAfter(quarter.endDate()); start = start.plusWeeks(1)) {
      LocalDate end = start.plusDays(6).isAfter(quarter.endDate()) ? quarter.endDate() : start.plusDays(6);
      frames.add(new TimeFrame(String.format("W%02d", week++), start, end));
    }
    return frames;
  }

  /** The time frames up to the latest one: today's week in the current quarter, the first week of a later one. */
  public List<TimeFrame> framesToDate(Quarter quarter) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<TimeFrame> frames = timeFrames(quarter);
    List<TimeFrame> out = new ArrayList<>();
    for (TimeFrame frame : frames) {
      if (out.isEmpty() || !frame.startDate().isAfter(today)) {
        out.add(frame);
      }
    }
    return out;
  }

  /** The latest week's value of a forecast call or quota. */
  public BigDecimal latestValue(String forecastId, String timePeriodId, String userId, String fieldId) {
    return latest.getOrDefault(key(forecastId, timePeriodId, userId, fieldId), BigDecimal.ZERO);
  }

  /**
   * The value in week {@code weekIndex} (0-based) of {@code weeks}: quotas stay flat, calls ramp from
   * 55% towards the latest value, whole dollars.
   */
  public BigDecimal valueInWeek(String forecastId, Quarter quarter, String userId, Field field, int weekIndex,
      int weeks) {
    BigDecimal value = latestValue(forecastId, quarter.timePeriodId(), userId, field.fieldId());
    if (field == QUOTA || weekIndex == weeks - 1) {
      return value;
    }
    BigDecimal share = BigDecimal.valueOf(55 + 45L * (weekIndex + 1) / weeks);
    return value.multiply(share).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
  }

  /** Whether the user updated this call in that week, and when (deterministic per cell). */
  public Optional<Instant> updatedOn(String forecastId, Quarter quarter, String userId, String fieldId,
      TimeFrame frame) {
    Random cell = new Random(seed ^ key(forecastId, quarter.timePeriodId(), userId, fieldId + frame.timeFrameId())
        .hashCode());
    if (cell.nextInt(10) >= 7) {
      return Optional.empty();
    }
    Instant at = frame.startDate().atStartOfDay().toInstant(ZoneOffset.UTC)
        .plus(Duration.ofMinutes(9 * 60 + cell.nextInt(4 * 24 * 60)));
    Instant limit = now.minus(Duration.ofMinutes(10));
    return Optional.of(at.isAfter(limit) ? limit.truncatedTo(ChronoUnit.SECONDS) : at);
  }

  public List<AuditActor> auditActors() {
    return List.copyOf(actors);
  }

  /** Audit events, newest first. */
  public List<AuditEvent> auditEvents() {
    return List.copyOf(auditEvents);
  }

  /** A stable error id for Clari error bodies. */
  public static String errorId(String seedText) {
    return UUID.nameUUIDFromBytes(seedText.getBytes(StandardCharsets.UTF_8)).toString();
  }

  // ---------------------------------------------------------------- building

  private static String key(String forecastId, String timePeriodId, String userId, String fieldId) {
    return forecastId + "|" + timePeriodId + "|" + userId + "|" + fieldId;
  }

  private void hierarchy(List<TeamMember> team) {
    for (TeamMember member : team) {
      String scope = member.clariId() + (member.role() == Role.REP ? "::REP" : "::MGR");
      String hierarchyName = switch (member.role()) {
        case CRO -> "Worldwide Sales";
        case MANAGER -> "Sales - " + member.region();
        case REP -> "Account Executive - " + member.region();
      };
      Optional<TeamMember> manager = member.managerIndex() < 0 ? Optional.empty()
          : Optional.of(team.get(member.managerIndex()));
      Optional<ForecastUser> parent = manager.flatMap(m -> users.stream()
          .filter(u -> u.userId().equals(m.clariId())).findFirst());
      users.add(new ForecastUser(member.clariId(), member.name(), member.email(), member.salesforceId(), scope, scope,
          hierarchyName, parent.map(ForecastUser::hierarchyId), parent.map(ForecastUser::hierarchyName)));
      manager.ifPresent(m -> reports.computeIfAbsent(m.clariId(), k -> new ArrayList<>()).add(member.clariId()));
    }
  }

  private void quarters(LocalDate today) {
    LocalDate start = today.with(IsoFields.DAY_OF_QUARTER, 1);
    for (int i = 0; i < 2; i++) {
      LocalDate s = start.plusMonths(3L * i);
      int number = (s.getMonthValue() - 1) / 3 + 1;
      quarters.add(new Quarter(s.getYear() + "_Q" + number, "Q" + number + " " + s.getYear(), s.getYear(), s,
          s.plusMonths(3).minusDays(1)));
    }
  }

  private void forecasts(List<TeamMember> team, Store store) {
    Random quotas = new Random(seed * 31 + 7);
    for (ForecastTab tab : TABS) {
      for (Quarter quarter : quarters) {
        Map<String, BigDecimal[]> byRep = new LinkedHashMap<>();
        for (TeamMember member : team) {
          if (member.role() == Role.REP) {
            byRep.put(member.salesforceId(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
          }
        }
        for (Map<String, Object> opp : store.all("Opportunity")) {
          BigDecimal[] sums = byRep.get((String) opp.get("OwnerId"));
          LocalDate close = (LocalDate) opp.get("CloseDate");
          BigDecimal amount = (BigDecimal) opp.get("Amount");
          if (sums == null || amount == null || close.isBefore(quarter.startDate()) || close.isAfter(quarter.endDate())
              || (tab.renewalsOnly() && !"Renewal".equals(opp.get("Type")))) {
            continue;
          }
          String category = (String) opp.get("ForecastCategoryName");
          boolean won = (Boolean) opp.get("IsWon");
          boolean open = !(Boolean) opp.get("IsClosed");
          if (won || (open && "Commit".equals(category))) {
            sums[0] = sums[0].add(amount);
          } else if (open && "Best Case".equals(category)) {
            sums[1] = sums[1].add(amount);
          }
        }
        for (int i = team.size() - 1; i >= 0; i--) {
          TeamMember member = team.get(i);
          BigDecimal commit;
          BigDecimal bestCase;
          BigDecimal quota;
          if (member.role() == Role.REP) {
            BigDecimal[] sums = byRep.get(member.salesforceId());
            commit = sums[0].setScale(0, RoundingMode.HALF_UP);
            bestCase = commit.add(sums[1]).setScale(0, RoundingMode.HALF_UP);
            quota = tab.renewalsOnly() ? BigDecimal.valueOf(40_000L + 10_000L * quotas.nextInt(9))
                : BigDecimal.valueOf(300_000L + 25_000L * quotas.nextInt(13));
          } else {
            commit = rollUp(tab, quarter, member, COMMIT);
            bestCase = rollUp(tab, quarter, member, BEST_CASE);
            quota = rollUp(tab, quarter, member, QUOTA);
          }
          latest.put(key(tab.forecastId(), quarter.timePeriodId(), member.clariId(), COMMIT.fieldId()), commit);
          latest.put(key(tab.forecastId(), quarter.timePeriodId(), member.clariId(), BEST_CASE.fieldId()), bestCase);
          latest.put(key(tab.forecastId(), quarter.timePeriodId(), member.clariId(), QUOTA.fieldId()), quota);
        }
      }
    }
  }

  private BigDecimal rollUp(ForecastTab tab, Quarter quarter, TeamMember member, Field field) {
    BigDecimal sum = BigDecimal.ZERO;
    for (String report : reports.getOrDefault(member.clariId(), List.of())) {
      sum = sum.add(latestValue(tab.forecastId(), quarter.timePeriodId(), report, field.fieldId()));
    }
    return sum;
  }

  private void audit(List<TeamMember> team) {
    Random random = new Random(seed * 17 + 3);
    actors.add(new AuditActor(API_USER_ID, "USER", "RevOps Integration", "revops.integration@larkspur.example"));
    team.forEach(m -> actors.add(new AuditActor(m.clariId(), "USER", m.name(), m.email())));
    List<AuditEvent> events = new ArrayList<>();
    for (int day = 0; day < 30; day++) {
      int count = 4 + random.nextInt(6);
      for (int i = 0; i < count; i++) {
        AuditActor actor = random.nextInt(3) == 0 ? actors.get(0) : actors.get(1 + random.nextInt(team.size()));
        Instant at = now.minus(Duration.ofDays(day)).minusSeconds(600 + random.nextInt(86_000))
            .truncatedTo(ChronoUnit.SECONDS);
        events.add(new AuditEvent(new UUID(random.nextLong(), random.nextLong()).toString(), actor.actorId(), "USER",
            new UUID(random.nextLong(), random.nextLong()).toString(),
            "10.20." + random.nextInt(256) + "." + random.nextInt(256),
            actor == actors.get(0) || random.nextInt(4) > 0 ? "WEB" : "IOS", "api.accessed", at));
      }
    }
    events.sort((a, b) -> b.timestamp().compareTo(a.timestamp()));
    auditEvents.addAll(events);
  }

  // ---------------------------------------------------------------- deal scores

  /** A Clari-style deal score: {@code score} 0-100 and a short reason. */
  public record Score(int score, String message) {}

  /**
   * Scores an opportunity from its current fields (so a write shows in the next read): lost deals 0,
   * won deals 100, open ones from the stage probability, lowered for stale activity or a past close
   * date, raised for an upcoming meeting, with a small per-deal variation.
   */
  public Score score(Map<String, Object> opportunity, LocalDate today) {
    if (Boolean.TRUE.equals(opportunity.get("IsClosed"))) {
      return Boolean.TRUE.equals(opportunity.get("IsWon")) ? new Score(100, "Opportunity is won")
          : new Score(0, "Opportunity is lost");
    }
    Random variation = new Random(seed ^ opportunity.get("Id").hashCode());
    BigDecimal probability = (BigDecimal) opportunity.get("Probability");
    int score = (probability == null ? 30 : probability.intValue()) + variation.nextInt(17) - 8;
    LocalDate lastActivity = (LocalDate) opportunity.get("LastActivityDate");
    LocalDate close = (LocalDate) opportunity.get("CloseDate");
    String message = "On track";
    if (Boolean.TRUE.equals(opportunity.get("HasOpenActivity"))) {
      score += 5;
      message = "Meeting scheduled with the buyer";
    }
    if (lastActivity == null || lastActivity.isBefore(today.minusDays(14))) {
      score -= 15;
      message = "No activity in the last 14 days";
    }
    if (close != null && close.isBefore(today)) {
      score -= 10;
      message = "Close date has passed";
    }
    return new Score(Math.max(1, Math.min(99, score)), message);
  }
}
