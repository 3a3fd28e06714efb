package io.revops.core.config;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach Salesforce and which org-specific names to use: present in {@link RevOpsConfig}
 * only when the instance URL and a credential are set.
 *
 * @param instanceUrl the org's My Domain URL, such as {@code https://acme.my.salesforce.com}; the instance
 *     URL of a token response wins when it differs
 * @param credential how access tokens are obtained
 * @param apiVersion the REST API version, {@code vNN.N}
 * @param auditObject the custom object that receives one row per write ({@code Cleanup_Audit__c})
 * @param commitStageName the StageName value that means "commit" in this org
 */
public record SalesforceSettings(
    URI instanceUrl, SalesforceCredential credential, String apiVersion, String auditObject, String commitStageName) {

  public SalesforceSettings {
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(auditObject, "auditObject");
    Objects.requireNonNull(commitStageName, "commitStageName");
  }
}
