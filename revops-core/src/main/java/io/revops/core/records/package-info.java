/**
 * Reads of single CRM records by id: {@link io.revops.core.records.RecordService} returns every
 * populated field of an Account, Opportunity (with its owner), Contact or Lead.
 */
package io.revops.core.records;
