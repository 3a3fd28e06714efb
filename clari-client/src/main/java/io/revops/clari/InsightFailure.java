package io.revops.clari;

import java.util.List;
import java.util.Objects;

/**
 * A batch of opportunity ids whose insights could not be read.
 *
 * @param opportunityIds the ids of the failed batch (18-character form)
 * @param error why
 */
public record InsightFailure(List<String> opportunityIds, ClariApiException error) {
  /** Copies the ids. */
  public InsightFailure {
    opportunityIds = List.copyOf(opportunityIds);
    Objects.requireNonNull(error, "error");
  }

  /** The reason, for people. */
  public String reason() {
    return error.getMessage();
  }
}
