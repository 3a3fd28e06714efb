/**
 * The MCP server: maps revops-core operations to MCP tools (schemas, annotations, results) and serves
 * them over stdio ({@link io.revops.mcp.Main}), against the configured Clari tenant and Salesforce org,
 * or with {@code --sandbox} against the embedded sandbox's sample data.
 */
package io.revops.mcp;
