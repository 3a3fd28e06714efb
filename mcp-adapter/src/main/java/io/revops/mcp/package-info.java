/**
 * The MCP server: maps revops-core operations to MCP tools (schemas, annotations, results). The server itself lands with the adapter issue.
 */
package io.revops.mcp;
