package io.revops.core.changes;

import io.revops.clari.AuditEvent;
import io.revops.clari.AuditEventPage;
import io.revops.clari.AuditEventQuery;
import io.revops.clari.ClariClient;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.internal.ShortText;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.soql.SoqlGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * "Which deals moved stages in the last 7 days?": the pipeline changes between two dates, at most
 * {@value #MAX_LIMIT} events, newest first, saying when more exist.
 *
 * <p>With Salesforce configured the answer is CRM history: stage, amount and close-date changes from
 * {@code OpportunityFieldHistory} when those fields are history-tracked, else from consecutive
 * {@code OpportunityHistory} snapshots ({@link CrmFieldChanges}). With only Clari configured the answer
 * is Clari's audit log, which records what people did in Clari and not CRM field changes
 * ({@link ClariUserActions}, labelled as such). Thread-safe.
 */
public final class PipelineChangesService {
  /** The most events one answer holds (and the default limit). */
  public static final int MAX_LIMIT = 200;
  private static final Duration CLARI_RETENTION = Duration.ofDays(30);

  private final Optional<SalesforceHistory> salesforce;
  private final Optional<SalesforceClient> salesforceClient;
  private final Optional<ClariClient> clari;
  private final Clock clock;

  /** Queries go through {@link SoqlGuard#defaults()}. */
  public PipelineChangesService(Optional<SalesforceClient> salesforce, Optional<ClariClient> clari, Clock clock) {
    this(salesforce, clari, SoqlGuard.defaults(), clock);
  }

  /**
   * @param salesforce the Salesforce client, when Salesforce is configured (then it is the source)
   * @param clari the Clari client, when Clari is configured (the source only without Salesforce)
   * @param guard the guard every query passes
   * @param clock the time source ("today" for Clari's 30-day retention note)
   * @throws IllegalArgumentException when neither client is given
   */
  public PipelineChangesService(Optional<SalesforceClient> salesforce, Optional<ClariClient> clari, SoqlGuard guard,
      Clock clock) {
    Objects.requireNonNull(salesforce, "salesforce");
    Objects.requireNonNull(guard, "guard");
    this.clari = Objects.requireNonNull(clari, "clari");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (salesforce.isEmpty() && clari.isEmpty()) {
      throw new IllegalArgumentException("Pipeline changes need Salesforce (SFDC_INSTANCE_URL and a token) or Clari"
          + " (CLARI_API_TOKEN); neither is configured.");
    }
    this.salesforceClient = salesforce;
    this.salesforce = salesforce.map(client -> new SalesforceHistory(client, guard));
  }

  /** {@link #getPipelineChanges(String, String, OptionalInt)} with the default limit of {@value #MAX_LIMIT}. */
  public PipelineChanges getPipelineChanges(String startDate, String endDate) {
    return getPipelineChanges(startDate, endDate, OptionalInt.empty());
  }

  /**
   * The changes from the start of {@code startDate} through the end of {@code endDate} (ISO dates, UTC).
   *
   * @param limit 1-{@value #MAX_LIMIT}, default {@value #MAX_LIMIT}
   * @throws RevOpsArgumentException before any request, naming a date that is malformed or out of order,
   *     or a limit out of range
   */
  public PipelineChanges getPipelineChanges(String startDate, String endDate, OptionalInt limit) {
    ChangeWindow window = ChangeWindow.parse(startDate, endDate);
    int max = limit(limit);
    if (salesforce.isPresent()) {
      return salesforce.get().changes(window, max);
    }
    return clariActions(clari.orElseThrow(), window, max);
  }

  /** What {@link #getPipelineChanges(String, String, OptionalInt)} would send, validated the same way; sends nothing. */
  public DryRunPlan planGetPipelineChanges(String startDate, String endDate, OptionalInt limit) {
    ChangeWindow window = ChangeWindow.parse(startDate, endDate);
    int max = limit(limit);
    if (salesforce.isPresent()) {
      SalesforceHistory history = salesforce.get();
      var plans = salesforceClient.orElseThrow().plan();
      return new DryRunPlan("getPipelineChanges", List.of(
          PlannedRequest.of(plans.query(history.trackingQuery())),
          PlannedRequest.of(plans.query(history.fieldHistoryQuery(window, max))),
          PlannedRequest.of(plans.query(history.snapshotQuery(window)))), List.of(
          "Request 1 reads which Opportunity fields have history tracking. If StageName, Amount and CloseDate are"
              + " all tracked, request 2 (OpportunityFieldHistory) answers, plus a COUNT() query when the page is"
              + " full. Otherwise request 3 (OpportunityHistory snapshots) answers, followed by one query on"
              + " Opportunity for each changed opportunity's snapshot before the window (ids from request 3's"
              + " answer), and a COUNT() query when " + SalesforceHistory.MAX_SNAPSHOTS + " snapshots came back."));
    }
    return new DryRunPlan("getPipelineChanges",
        List.of(PlannedRequest.of(clari.orElseThrow().plans().listAuditEvents(auditQuery(window, max)))),
        List.of(ClariUserActions.LABEL));
  }

  private static int limit(OptionalInt limit) {
    int value = limit.orElse(MAX_LIMIT);
    if (value < 1 || value > MAX_LIMIT) {
      throw new RevOpsArgumentException("limit", value + " is outside 1-" + MAX_LIMIT,
          "Pass a limit from 1 to " + MAX_LIMIT + ", or leave it out for " + MAX_LIMIT);
    }
    return value;
  }

  // ---------------------------------------------------------------- Clari audit log

  private static AuditEventQuery auditQuery(ChangeWindow window, int limit) {
    return AuditEventQuery.builder().dateFrom(window.startDate()).dateTo(window.endDate()).limit(limit + 1).build();
  }

  /** One page of Clari's audit log (asking one more than the limit shows whether more exist). */
  private ClariUserActions clariActions(ClariClient client, ChangeWindow window, int limit) {
    AuditEventPage page = client.listAuditEvents(auditQuery(window, limit));
    List<ClariUserAction> actions = page.events().stream()
        .filter(event -> event.timestamp().map(t -> !t.isBefore(window.from()) && t.isBefore(window.until()))
            .orElse(true))
        .sorted(Comparator.comparing((AuditEvent e) -> e.timestamp().orElse(Instant.MIN)).reversed())
        .map(PipelineChangesService::action)
        .toList();
    boolean more = actions.size() > limit || page.nextLink().isPresent();
    List<String> notes = new ArrayList<>(List.of(ClariUserActions.LABEL));
    if (more) {
      notes.add("Clari holds more actions in the window than the " + limit + " shown; narrow the window to see them.");
    }
    if (window.from().isBefore(clock.instant().minus(CLARI_RETENTION))) {
      notes.add("Clari keeps about 30 days of audit events, so days before "
          + clock.instant().minus(CLARI_RETENTION).toString().substring(0, 10) + " may be missing.");
    }
    return new ClariUserActions(window, actions.subList(0, Math.min(limit, actions.size())), more, notes);
  }

  private static ClariUserAction action(AuditEvent event) {
    Map<String, String> parameters = new LinkedHashMap<>();
    event.parameters().forEach((name, value) -> ShortText.render(value).ifPresent(text -> parameters.put(name, text)));
    return new ClariUserAction(event.timestamp(), event.actorName().filter(n -> !n.isBlank()).orElse(event.actorId()),
        event.actorType(), event.event(), parameters, event.sessionType());
  }
}
