package io.revops.core.forecast;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a forecast summary: one person (hierarchy node) and one forecast field, with names
 * resolved. Rows come in hierarchy order, so {@code depth} is enough to indent them.
 *
 * @param userName the person's name (never a raw id unless Clari did not list the user)
 * @param role the hierarchy node's name, e.g. {@code West Sales}
 * @param depth 0 for the top of the hierarchy, 1 for their direct reports, and so on
 * @param field the forecast field's name, e.g. {@code Commit}
 * @param value the call (forecast value) for the latest week
 * @param quota the person's quota for the period
 * @param attainment {@code value / quota}, present when both are known and the quota is above zero
 *     (0.8 means 80 %)
 */
public record ForecastRow(String userName, Optional<String> role, int depth, String field, Optional<Double> value,
    Optional<Double> quota, Optional<Double> attainment) {

  /** Checks for nulls and a non-negative depth. */
  public ForecastRow {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(role, "role");
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be >= 0, was " + depth);
    }
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(quota, "quota");
    Objects.requireNonNull(attainment, "attainment");
  }
}
