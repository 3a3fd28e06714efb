/**
 * Wire details of the Salesforce SDK: JSON conversion, the token interceptor, the executor that
 * refreshes on 401 and maps errors. Not a public API; it may change in any release.
 */
package io.revops.salesforce.internal;
