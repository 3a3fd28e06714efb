/**
 * Read-only SOQL for callers: {@link io.revops.core.query.QueryService} runs a caller's query through
 * the SOQL guard and hands back one page at a time with an opaque cursor for the next.
 */
package io.revops.core.query;
