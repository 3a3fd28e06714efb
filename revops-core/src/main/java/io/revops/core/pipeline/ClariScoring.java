package io.revops.core.pipeline;

import io.revops.clari.ClariClient;
import io.revops.clari.InsightFailure;
import io.revops.clari.OpportunityInsight;
import io.revops.clari.OpportunityInsights;
import io.revops.salesforce.SalesforceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Adds Clari's deal scores with one batched {@link ClariClient#getOpportunityInsights} call (the client
 * splits it into requests of 100 ids). Clari is an extra: any Clari failure leaves the deals as they are
 * and says why the scores are missing.
 */
final class ClariScoring {
  private static final Logger LOG = Logger.getLogger(ClariScoring.class.getName());

  private final Optional<ClariClient> clari;

  ClariScoring(Optional<ClariClient> clari) {
    this.clari = clari;
  }

  /** The deals with their scores, and how the scoring went. */
  record Scored(List<AtRiskCommit> deals, ClariScores status) {}

  Scored score(List<AtRiskCommit> deals) {
    if (clari.isEmpty()) {
      return new Scored(deals, new ClariScores(ClariScores.Status.NOT_CONFIGURED, Optional.empty()));
    }
    if (deals.isEmpty()) {
      return new Scored(deals, new ClariScores(ClariScores.Status.INCLUDED, Optional.empty()));
    }
    OpportunityInsights insights;
    try {
      insights = clari.get().getOpportunityInsights(deals.stream().map(d -> d.id().to18()).toList());
    } catch (RuntimeException e) {
      // Clari is an extra; the Salesforce answer stands without it.
      LOG.log(Level.WARNING, "Clari scores unavailable for at-risk commits", e);
      return new Scored(deals, new ClariScores(ClariScores.Status.UNAVAILABLE,
          Optional.of("Clari could not be read: " + e.getMessage())));
    }
    Map<String, ClariDealScore> scores = new HashMap<>();
    for (OpportunityInsight insight : insights.insights()) {
      insight.crmScore().ifPresent(s -> scores.put(id18(insight.id()), new ClariDealScore(s.score(), s.message())));
    }
    List<AtRiskCommit> scored = deals.stream()
        .map(d -> d.withClariScore(Optional.ofNullable(scores.get(d.id().to18())))).toList();
    return new Scored(scored, status(insights, deals.size()));
  }

  Optional<String> planNote() {
    return clari.map(c -> "Then Clari's scores for the flagged deals: one getOpportunityInsights call, sent as"
        + " GET /opportunity?oppId=... per " + ClariClient.OPPORTUNITY_BATCH_SIZE + " ids.");
  }

  private static ClariScores status(OpportunityInsights insights, int dealCount) {
    if (insights.isComplete()) {
      return new ClariScores(ClariScores.Status.INCLUDED, Optional.empty());
    }
    long failedIds = insights.failures().stream().mapToLong(f -> f.opportunityIds().size()).sum();
    String reasons = insights.failures().stream().map(InsightFailure::reason).distinct()
        .collect(Collectors.joining("; "));
    ClariScores.Status status = failedIds >= dealCount ? ClariScores.Status.UNAVAILABLE : ClariScores.Status.PARTIAL;
    return new ClariScores(status, Optional.of("Clari could not score " + failedIds + " of " + dealCount
        + " deals: " + reasons));
  }

  private static String id18(String id) {
    return SalesforceId.isValid(id) ? SalesforceId.of(id).to18() : id;
  }
}
