package io.revops.salesforce.soql;

/**
 * The access-mode clause {@link SoqlGuard} adds to every top-level query.
 *
 * <p>The default is {@link #NONE}: Salesforce documents both clauses as Apex features, and the REST
 * API already runs every query with the calling user's object permissions, field-level security and
 * sharing (a field the user cannot see fails with {@code INVALID_FIELD}).
 */
public enum SecurityClause {
  /** Add nothing; a query may still carry {@code WITH SECURITY_ENFORCED} or {@code WITH USER_MODE} itself. */
  NONE,
  /** Add {@code WITH SECURITY_ENFORCED}; a query naming {@code WITH USER_MODE} is refused. */
  SECURITY_ENFORCED,
  /** Add {@code WITH USER_MODE}; a query naming {@code WITH SECURITY_ENFORCED} is refused. */
  USER_MODE
}
