/**
 * Command-line programs that use the SDKs directly, without MCP. The programs land with the sandbox-and-examples issue.
 */
package io.revops.examples;
