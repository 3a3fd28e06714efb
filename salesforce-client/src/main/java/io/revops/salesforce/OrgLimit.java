package io.revops.salesforce;

/**
 * One org limit from {@code GET /limits}.
 *
 * @param max the allowance
 * @param remaining what is left of it
 */
public record OrgLimit(long max, long remaining) {
  /** How much is used. */
  public long used() {
    return Math.max(0, max - remaining);
  }
}
