package io.revops.core.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * The currency summed amounts are in. Salesforce returns grouped sums of currency fields in the org's
 * corporate currency when multi-currency is on (converting each record's amount), and in the org's one
 * currency otherwise.
 *
 * @param isoCode the ISO code, such as {@code USD}; absent when it could not be read
 * @param description how the sums relate to it, for people
 */
public record AmountCurrency(Optional<String> isoCode, String description) {

  public AmountCurrency {
    Objects.requireNonNull(isoCode, "isoCode");
    Objects.requireNonNull(description, "description");
  }
}
