/**
 * Pipeline changes between two dates ({@link io.revops.core.changes.PipelineChangesService}): CRM field
 * changes from Salesforce history, or, with only Clari configured, Clari user actions labelled as such;
 * plus {@link io.revops.core.changes.ChangeWindow}, the UTC days a question covers.
 */
package io.revops.core.changes;
