/**
 * Pipeline questions answered from Salesforce: {@link io.revops.core.pipeline.PipelineService} gives
 * pipeline by stage (exact aggregate totals), stale opportunities and at-risk commits, each with a
 * dry-run twin that sends nothing.
 */
package io.revops.core.pipeline;
