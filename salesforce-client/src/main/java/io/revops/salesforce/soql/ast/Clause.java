package io.revops.salesforce.soql.ast;

/** The clauses of a SELECT statement, in the order SOQL requires them. */
public enum Clause {
  /** {@code SELECT field, ...}. */
  SELECT,
  /** {@code FROM Object [alias], ...}. */
  FROM,
  /** {@code USING SCOPE scope}. */
  USING_SCOPE,
  /** {@code WHERE condition}. */
  WHERE,
  /** {@code WITH DATA CATEGORY filter [AND filter ...]}. */
  WITH_DATA_CATEGORY,
  /** {@code WITH SECURITY_ENFORCED}, {@code WITH USER_MODE} or {@code WITH SYSTEM_MODE}. */
  WITH_ACCESS_MODE,
  /** {@code GROUP BY fields}, {@code GROUP BY ROLLUP(...)} or {@code GROUP BY CUBE(...)}. */
  GROUP_BY,
  /** {@code HAVING condition}. */
  HAVING,
  /** {@code ORDER BY item, ...}. */
  ORDER_BY,
  /** {@code LIMIT n}. */
  LIMIT,
  /** {@code OFFSET n}. */
  OFFSET
}
