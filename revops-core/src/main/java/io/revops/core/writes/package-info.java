/**
 * The audit-first write policy: {@link io.revops.core.writes.AuditedWriter} is the only code in
 * revops-core that changes Salesforce records. Every field change travels in one all-or-none composite
 * call together with its audit row, so no change can exist without its record; notes are created with
 * their record link in one all-or-none call, so no orphan note is left. Each operation has a dry-run
 * twin that sends nothing.
 */
package io.revops.core.writes;
