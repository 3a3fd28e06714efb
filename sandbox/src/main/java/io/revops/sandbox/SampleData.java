package io.revops.sandbox;

import io.revops.salesforce.SalesforceId;
import io.revops.sandbox.internal.data.SampleOrg;
import io.revops.sandbox.internal.salesforce.ObjectSchema;
import io.revops.sandbox.internal.salesforce.Schema;
import io.revops.sandbox.internal.salesforce.Store;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only access to the sandbox's data as it is now (writes through the API included), so tests can
 * compute the answers they expect, e.g. the sum of open opportunity amounts per stage in a window.
 * Every call returns a snapshot.
 */
public final class SampleData {
  private final Store store;
  private final SampleOrg org;
  private final ClariSampleData clari;

  SampleData(Store store, SampleOrg org, ClariSampleData clari) {
    this.store = store;
    this.org = org;
    this.clari = clari;
  }

  /** The day the data was generated for (the clock's date in UTC, the org's time zone, at start). */
  public LocalDate today() {
    return org.today();
  }

  /** The fictional company. */
  public String companyName() {
    return "Larkspur Systems";
  }

  /** The 18-character Organization id. */
  public String organizationId() {
    return org.organizationId();
  }

  /** The integration user every session runs as (also {@code userinfo}'s user). */
  public SampleRecord runningUser() {
    return record("User", org.runningUserId()).orElseThrow();
  }

  /** The sales stages in picklist order; the commit stage is {@link #commitStageName()}. */
  public List<String> stageNames() {
    return Schema.STAGES;
  }

  /** {@code Commit}: the stage {@code SFDC_COMMIT_STAGE_NAME} names in the sample org. */
  public String commitStageName() {
    return "Commit";
  }

  /** The audit object's API name, {@code Cleanup_Audit__c}. */
  public String auditObjectName() {
    return Schema.AUDIT_OBJECT;
  }

  /** The objects the sandbox emulates. */
  public List<String> objectNames() {
    return store.schema().objects().stream().map(ObjectSchema::name).toList();
  }

  /** Every record of {@code sObjectType} (case-insensitive name), in creation order. */
  public List<SampleRecord> records(String sObjectType) {
    ObjectSchema object = object(sObjectType);
    List<SampleRecord> out = new ArrayList<>();
    synchronized (store) {
      for (Map<String, Object> row : store.all(object.name())) {
        out.add(new SampleRecord(object.name(), row));
      }
    }
    return out;
  }

  /** The record with this 15- or 18-character id, if it exists. */
  public Optional<SampleRecord> record(String sObjectType, String id) {
    ObjectSchema object = object(sObjectType);
    if (!SalesforceId.isValid(id)) {
      throw new IllegalArgumentException("id '" + id + "' is not a Salesforce id (15 or 18 characters)");
    }
    synchronized (store) {
      return store.get(object.name(), SalesforceId.of(id).to18()).map(row -> new SampleRecord(object.name(), row));
    }
  }

  /** The Clari tenant. */
  public ClariSampleData clari() {
    return clari;
  }

  private ObjectSchema object(String sObjectType) {
    return store.schema().object(sObjectType).orElseThrow(() -> new IllegalArgumentException("sObjectType '"
        + sObjectType + "' is not emulated; the sandbox has " + objectNames()));
  }
}
