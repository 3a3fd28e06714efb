package io.revops.core.risk;

import io.revops.clari.ClariClient;
import io.revops.clari.CrmScore;
import io.revops.clari.InsightFailure;
import io.revops.clari.InsightField;
import io.revops.clari.OpportunityInsight;
import io.revops.clari.OpportunityInsights;
import io.revops.clari.TrendChange;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.internal.ShortText;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import io.revops.salesforce.SalesforceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Clari's risk view of deals: for any number of opportunity ids, each deal's Clari score and message
 * and its fields with their latest trend, plus the ids Clari could not answer for and why. Ids are
 * checked before any request and sent in batches of {@value ClariClient#OPPORTUNITY_BATCH_SIZE}; a
 * failing batch does not discard the others. Thread-safe.
 */
public final class DealRiskService {
  private static final String ID_FIX = "Pass Salesforce Opportunity ids (prefix 006, 15 or 18 characters), such as"
      + " 006Z000000EPuiyIAD";

  private final ClariClient clari;

  public DealRiskService(ClariClient clari) {
    this.clari = Objects.requireNonNull(clari, "clari");
  }

  /**
   * The risk view of {@code oppIds} (duplicates and 15/18-character spellings of one id are merged).
   *
   * @throws RevOpsArgumentException before any request when the list is empty or an id is malformed
   * @throws io.revops.clari.ClariApiException when every batch failed (for example an invalid API token)
   */
  public DealRiskReport getDealRisk(Collection<String> oppIds) {
    List<String> ids = validate(oppIds);
    OpportunityInsights insights = clari.getOpportunityInsights(ids);
    int failedIds = insights.failures().stream().mapToInt(batch -> batch.opportunityIds().size()).sum();
    if (!insights.failures().isEmpty() && failedIds == uniqueIds(ids).size()) {
      throw insights.failures().get(0).error(); // nothing succeeded: a plain error says it best (e.g. a bad token)
    }
    List<DealRisk> deals = insights.insights().stream().map(DealRiskService::deal).toList();
    return new DealRiskReport(deals, failures(ids, deals, insights.failures()));
  }

  /** What {@link #getDealRisk} would send: one {@code GET /opportunity} per batch of 100 ids; sends nothing. */
  public DryRunPlan planGetDealRisk(Collection<String> oppIds) {
    List<String> ids = validate(oppIds);
    List<PlannedRequest> requests = clari.plans().getOpportunityInsights(ids).stream().map(PlannedRequest::of).toList();
    return new DryRunPlan("getDealRisk", requests, requests.size() > 1
        ? List.of("The " + requests.size() + " batches are sent concurrently; a failing batch is reported per id.")
        : List.of());
  }

  private List<String> validate(Collection<String> oppIds) {
    if (oppIds == null || oppIds.isEmpty()) {
      throw new RevOpsArgumentException("oppIds", "is empty", ID_FIX);
    }
    List<String> ids = new ArrayList<>(oppIds);
    try {
      clari.plans().getOpportunityInsights(ids); // the client's own id checks, without sending anything
    } catch (IllegalArgumentException e) {
      throw new RevOpsArgumentException("oppIds", e);
    }
    return ids;
  }

  private static DealRisk deal(OpportunityInsight insight) {
    return new DealRisk(id18(insight.id()), insight.crmScore().map(CrmScore::score),
        insight.crmScore().map(CrmScore::message).filter(m -> !m.isBlank()),
        insight.fields().stream().map(DealRiskService::field).toList());
  }

  private static DealField field(InsightField field) {
    return new DealField(field.alias().filter(a -> !a.isBlank()).orElse(field.id()), field.id(),
        field.value().flatMap(ShortText::render), field.trend().filter(t -> !t.isBlank()),
        latest(field.trendHistory()));
  }

  /** The most recent change by date; when Clari gave no dates, the last one listed. */
  private static Optional<TrendStep> latest(List<TrendChange> history) {
    Optional<TrendChange> latest = history.stream().filter(change -> change.date().isPresent())
        .max(Comparator.comparing((TrendChange change) -> change.date().orElse(Instant.MIN)));
    if (latest.isEmpty() && !history.isEmpty()) {
      latest = Optional.of(history.get(history.size() - 1));
    }
    return latest.map(change -> new TrendStep(change.oldValue().flatMap(ShortText::render),
        change.newValue().flatMap(ShortText::render), change.date()));
  }

  private static List<DealRiskFailure> failures(List<String> requested, List<DealRisk> deals,
      List<InsightFailure> failedBatches) {
    Map<String, String> reasons = new HashMap<>();
    failedBatches.forEach(batch -> batch.opportunityIds().forEach(id -> reasons.putIfAbsent(id18(id), batch.reason())));
    Set<String> answered = new LinkedHashSet<>();
    deals.forEach(deal -> answered.add(deal.opportunityId()));
    List<DealRiskFailure> failures = new ArrayList<>();
    for (String id : uniqueIds(requested)) {
      if (reasons.containsKey(id)) {
        failures.add(new DealRiskFailure(id, reasons.get(id)));
      } else if (!answered.contains(id)) {
        failures.add(new DealRiskFailure(id, "Clari returned nothing for this opportunity: it may not be synced to"
            + " Clari yet, or the API token's user cannot see it."));
      }
    }
    return failures;
  }

  private static Set<String> uniqueIds(List<String> requested) {
    Set<String> unique = new LinkedHashSet<>();
    requested.forEach(id -> unique.add(id18(id.trim())));
    return unique;
  }

  private static String id18(String id) {
    return SalesforceId.isValid(id) ? SalesforceId.of(id).to18() : id;
  }
}
