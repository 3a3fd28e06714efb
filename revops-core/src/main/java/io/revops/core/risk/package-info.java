/**
 * Deal risk from Clari's opportunity API ({@link io.revops.core.risk.DealRiskService}): scores, score
 * messages and field trends for any number of opportunities, with per-id failures.
 */
package io.revops.core.risk;
