/**
 * The immutable syntax tree of a read-only SOQL SELECT statement, as produced by
 * {@link io.revops.salesforce.soql.SoqlParser#parse(String)}.
 *
 * <p>Every value in the tree is already decoded: string escapes are resolved, numbers are
 * {@link java.math.BigDecimal}, dates and datetimes are {@code java.time} values, relative date
 * literals carry their name and {@code N}. Keywords and function names are upper-cased; field, object
 * and alias names keep the spelling of the query (SOQL compares them case-insensitively). Each
 * {@link io.revops.salesforce.soql.ast.SelectQuery} records where its clauses sit in the source text,
 * so callers can splice text at token boundaries.
 */
package io.revops.salesforce.soql.ast;
