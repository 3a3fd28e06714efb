package io.revops.core.pipeline;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The open opportunities in one stage: how many, and their summed {@code Amount}.
 *
 * @param stage the {@code StageName} value
 * @param count the number of opportunities
 * @param amount the sum of their amounts (blank amounts add nothing)
 */
public record StageTotal(String stage, long count, BigDecimal amount) {

  public StageTotal {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(amount, "amount");
  }
}
