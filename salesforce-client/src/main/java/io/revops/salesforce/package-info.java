/**
 * A typed SDK for the Salesforce REST API: records, describe, composite, paged queries that accept only guarded SOQL.
 */
package io.revops.salesforce;
