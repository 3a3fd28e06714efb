package io.revops.core.risk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Clari's view of one deal.
 *
 * @param opportunityId the Salesforce opportunity id (18 characters)
 * @param score Clari's AI deal score (0 for lost deals)
 * @param scoreMessage Clari's explanation of the score
 * @param fields the deal's fields as Clari tracks them, each with its latest trend
 */
public record DealRisk(String opportunityId, Optional<Integer> score, Optional<String> scoreMessage,
    List<DealField> fields) {

  /** Copies the fields and checks for nulls. */
  public DealRisk {
    Objects.requireNonNull(opportunityId, "opportunityId");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(scoreMessage, "scoreMessage");
    fields = List.copyOf(fields);
  }
}
