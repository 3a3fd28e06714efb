package io.revops.core.pipeline;

import io.revops.salesforce.SObjectDescribe;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceApiException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the currency of grouped sums, once per process. A multi-currency org (its Opportunity has a
 * {@code CurrencyIsoCode} field) returns grouped sums in its corporate currency, read from
 * {@code CurrencyType}; a single-currency org uses its one currency, read from
 * {@code Organization.DefaultCurrencyIsoCode}. A failed read is reported, not cached, and never fails
 * the pipeline answer.
 */
final class OrgCurrency {
  static final String CORPORATE_CURRENCY = "SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true";
  static final String ORGANIZATION_CURRENCY = "SELECT DefaultCurrencyIsoCode FROM Organization";

  private static final String MULTI = "the org's corporate currency: multi-currency is on, and Salesforce"
      + " converts each opportunity's amount to it when it sums by stage";
  private static final String SINGLE = "the org's currency (single-currency org)";

  private final SalesforceReads reads;
  private final AtomicReference<AmountCurrency> known = new AtomicReference<>();

  OrgCurrency(SalesforceReads reads) {
    this.reads = reads;
  }

  static boolean isMultiCurrency(SObjectDescribe opportunity) {
    return opportunity.field("CurrencyIsoCode").isPresent();
  }

  AmountCurrency of(SObjectDescribe opportunity) {
    AmountCurrency cached = known.get();
    if (cached != null) {
      return cached;
    }
    boolean multi = isMultiCurrency(opportunity);
    String description = multi ? MULTI : SINGLE;
    try {
      Optional<String> code = reads.query(multi ? CORPORATE_CURRENCY : ORGANIZATION_CURRENCY).records().stream()
          .findFirst().flatMap(r -> isoCode(r, multi));
      if (code.isEmpty()) {
        return new AmountCurrency(Optional.empty(), description + "; its ISO code could not be read (no row returned)");
      }
      AmountCurrency currency = new AmountCurrency(code, description);
      known.set(currency);
      return currency;
    } catch (SalesforceApiException e) {
      return new AmountCurrency(Optional.empty(),
          description + "; its ISO code could not be read: " + e.getMessage());
    }
  }

  private static Optional<String> isoCode(SObjectRecord row, boolean multi) {
    return row.getString(multi ? "IsoCode" : "DefaultCurrencyIsoCode").filter(s -> !s.isBlank());
  }
}
