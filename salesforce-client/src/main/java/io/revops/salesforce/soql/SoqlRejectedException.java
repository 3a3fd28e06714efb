package io.revops.salesforce.soql;

/**
 * The SOQL guard refused a query, before anything was sent to Salesforce. The message names the
 * offending token and says what to do instead, and ends with {@code (position N)}: the 0-based
 * character offset of that token in the query text, also available as {@link #position()}.
 */
public final class SoqlRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String reason;

  SoqlRejectedException(String reason, int position) {
    super(reason + " (position " + position + ")");
    this.reason = reason;
    this.position = position;
  }

  /** The 0-based character offset in the query where the problem starts. */
  public int position() {
    return position;
  }

  /** The message without the trailing {@code (position N)}. */
  public String reason() {
    return reason;
  }
}
