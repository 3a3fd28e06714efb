package io.revops.core.pipeline;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A count of opportunities and their summed {@code Amount} (opportunities without an amount count, and
 * add nothing to the sum).
 */
public record PipelineTotal(long count, BigDecimal amount) {

  /** No opportunities. */
  public static final PipelineTotal NONE = new PipelineTotal(0, BigDecimal.ZERO);

  public PipelineTotal {
    Objects.requireNonNull(amount, "amount");
  }

  PipelineTotal plus(PipelineTotal other) {
    return new PipelineTotal(count + other.count, amount.add(other.amount));
  }
}
