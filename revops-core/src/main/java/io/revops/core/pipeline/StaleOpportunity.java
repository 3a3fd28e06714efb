package io.revops.core.pipeline;

import io.revops.salesforce.SalesforceId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An open opportunity that has not changed stage for a while.
 *
 * @param id the opportunity id
 * @param name its name
 * @param stage its current {@code StageName}
 * @param amount its amount, when set
 * @param closeDate its close date, when set
 * @param ownerName its owner's name, when visible
 * @param stageSince the (UTC) date it entered its current stage, as far as {@code source} tells
 * @param daysInStage whole days in the current stage, up to now
 * @param source where {@code stageSince} comes from
 */
public record StaleOpportunity(
    SalesforceId id, String name, String stage, Optional<BigDecimal> amount, Optional<LocalDate> closeDate,
    Optional<String> ownerName, LocalDate stageSince, long daysInStage, StageChangeSource source) {

  public StaleOpportunity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(closeDate, "closeDate");
    Objects.requireNonNull(ownerName, "ownerName");
    Objects.requireNonNull(stageSince, "stageSince");
    Objects.requireNonNull(source, "source");
  }
}
