/**
 * A typed SDK for the Salesforce REST API: records, describe, composite, paged queries that accept only
 * guarded SOQL. Start at {@link io.revops.salesforce.SalesforceClient}; failures are
 * {@link io.revops.salesforce.SalesforceApiException}s; ids are {@link io.revops.salesforce.SalesforceId}s.
 */
package io.revops.salesforce;
