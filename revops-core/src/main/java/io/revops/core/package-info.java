/**
 * RevOps helpers (pipeline, forecast, deal risk, pipeline changes) and the audit-first write policy, built on the two SDKs; knows nothing of MCP.
 */
package io.revops.core;
