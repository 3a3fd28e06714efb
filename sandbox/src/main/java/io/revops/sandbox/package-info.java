/**
 * An in-process emulator of the Salesforce and Clari REST endpoints revops-mcp uses, with seeded sample
 * data, so the project runs and is tested without credentials. Start with
 * {@link io.revops.sandbox.Sandbox#start()}.
 */
package io.revops.sandbox;
