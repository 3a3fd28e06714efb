/**
 * Command-line programs that use the SDKs directly, without MCP: {@code pipeline-report},
 * {@code forecast-export}, {@code deal-risk} and {@code soql-lint}, dispatched by
 * {@link io.revops.examples.RevOpsExamples} and packaged as {@code examples/target/revops-examples.jar}.
 *
 * <p>Each program is one class, readable top to bottom: parse the options (picocli), get a client from
 * {@code Backends} (the org and tenant named by the environment, else the built-in sandbox), make one or
 * two SDK calls, print. Failures the user can fix end with a message and a non-zero exit code, never a
 * stack trace.
 */
package io.revops.examples;
