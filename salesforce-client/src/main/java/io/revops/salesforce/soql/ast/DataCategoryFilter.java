package io.revops.salesforce.soql.ast;

import java.util.List;
import java.util.Objects;

/** One filter of {@code WITH DATA CATEGORY}: {@code Geography__c AT (usa__c, uk__c)}. */
public record DataCategoryFilter(String group, Selector selector, List<String> categories) {

  /** How the categories select articles. */
  public enum Selector {
    /** {@code AT}. */
    AT,
    /** {@code ABOVE}. */
    ABOVE,
    /** {@code BELOW}. */
    BELOW,
    /** {@code ABOVE_OR_BELOW}. */
    ABOVE_OR_BELOW
  }

  /** Copies the categories. */
  public DataCategoryFilter {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(selector, "selector");
    categories = List.copyOf(categories);
  }
}
