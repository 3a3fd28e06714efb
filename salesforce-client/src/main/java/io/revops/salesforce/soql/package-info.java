/**
 * The SOQL guard: {@link io.revops.salesforce.soql.SoqlGuard} turns a caller's query text into a
 * {@link io.revops.salesforce.soql.GuardedQuery} (one read-only SELECT, LIMIT-bounded) or refuses it
 * with a {@link io.revops.salesforce.soql.SoqlRejectedException}; {@link
 * io.revops.salesforce.soql.SoqlParser} exposes the parser and its syntax tree
 * ({@link io.revops.salesforce.soql.ast}).
 */
package io.revops.salesforce.soql;
