package io.revops.salesforce.soql;

/** INTERIM: replaced by the real parser-backed guard before this lands. */
public final class SoqlGuard {
  private SoqlGuard() {}

  public static SoqlGuard defaults() {
    return new SoqlGuard();
  }

  public GuardedQuery check(String soql) {
    return new GuardedQuery(soql);
  }
}
