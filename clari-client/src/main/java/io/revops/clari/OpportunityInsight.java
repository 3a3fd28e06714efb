package io.revops.clari;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Clari's view of one opportunity ({@code GET /opportunity}).
 *
 * @param id the Salesforce opportunity id as Clari returned it
 * @param crmScore Clari's deal score
 * @param fields the fields with trends
 */
public record OpportunityInsight(String id, Optional<CrmScore> crmScore, List<InsightField> fields) {
  /** Copies the fields and checks for nulls. */
  public OpportunityInsight {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(crmScore, "crmScore");
    fields = List.copyOf(fields);
  }
}
