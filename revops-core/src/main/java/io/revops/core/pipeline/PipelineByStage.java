package io.revops.core.pipeline;

import io.revops.salesforce.SalesforceId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Open pipeline by stage: open opportunities ({@code IsClosed = false}) whose close date falls from
 * {@code closeDateFrom} through {@code closeDateTo}, both inclusive, counted and summed per stage by
 * Salesforce itself (aggregate SOQL), so the totals are exact however many opportunities there are.
 *
 * @param closeDateFrom the first close date counted: today (UTC) when the question was asked
 * @param closeDateTo the last close date counted
 * @param ownerId the owner the question was limited to, if any
 * @param stages one line per stage that has opportunities in the window, in the org's
 *     {@code StageName} picklist order (values not in the picklist last, by name)
 * @param overdue open opportunities whose close date is already past (before {@code closeDateFrom}),
 *     reported apart from the stages
 * @param currency the currency of every amount here
 */
public record PipelineByStage(
    LocalDate closeDateFrom, LocalDate closeDateTo, Optional<SalesforceId> ownerId, List<StageTotal> stages,
    PipelineTotal overdue, AmountCurrency currency) {

  public PipelineByStage {
    Objects.requireNonNull(closeDateFrom, "closeDateFrom");
    Objects.requireNonNull(closeDateTo, "closeDateTo");
    Objects.requireNonNull(ownerId, "ownerId");
    stages = List.copyOf(stages);
    Objects.requireNonNull(overdue, "overdue");
    Objects.requireNonNull(currency, "currency");
  }

  /** The whole window: every stage line added up (overdue not included). */
  public PipelineTotal total() {
    return stages.stream().map(s -> new PipelineTotal(s.count(), s.amount()))
        .reduce(PipelineTotal.NONE, PipelineTotal::plus);
  }
}
