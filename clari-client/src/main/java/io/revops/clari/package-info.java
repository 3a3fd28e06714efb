/**
 * A typed SDK for Clari's Revenue API: forecast export jobs, audit events, opportunity insights and admin limits.
 */
package io.revops.clari;
