package io.revops.core.salesforce;

import io.revops.salesforce.SObjectDescribe;
import io.revops.salesforce.SalesforceClient;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Describe results per object, fetched once per process: field types, updateability and picklists
 * change only when an admin edits the org, and every write and several reads consult them. A failed
 * describe is not cached, so the next call asks again.
 */
public final class DescribeCache {
  private final SalesforceClient client;
  private final ConcurrentMap<String, SObjectDescribe> describes = new ConcurrentHashMap<>();

  public DescribeCache(SalesforceClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The describe of {@code sObjectType}, from the cache or from Salesforce. */
  public SObjectDescribe describe(String sObjectType) {
    return describes.computeIfAbsent(sObjectType.toLowerCase(Locale.ROOT), key -> client.describe(sObjectType));
  }
}
