package io.revops.core.records;

import io.revops.core.CrmObject;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import io.revops.core.salesforce.SoqlLiterals;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.soql.GuardedQuery;
import io.revops.salesforce.soql.SoqlGuard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one Account, Opportunity, Contact or Lead by id, with every populated field the API user may
 * read (object permissions, field-level security and sharing apply).
 *
 * <p>Each id is checked before any request: 15 or 18 characters, a correct checksum, and the key prefix
 * of the object asked for (an Account id passed to {@link #getOpportunity} is refused, naming the
 * argument). A record that does not exist, or that the API user cannot see, is {@link Optional#empty()}.
 *
 * <p>Requests: one per read. {@link #getOpportunity} reads the record and its owner's name and email in
 * one query ({@code SELECT FIELDS(ALL), Owner.Name, Owner.Email FROM Opportunity WHERE Id = ... LIMIT 1});
 * on API versions before v51.0, which lack {@code FIELDS()}, it retrieves the record and then the owner.
 */
public final class RecordService {
  private static final int FIELDS_FUNCTION_SINCE = 51;
  private static final List<String> OWNER_FIELDS = List.of("Name", "Email");

  private final SalesforceClient salesforce;
  private final SoqlGuard guard;

  /** @param guard the guard the opportunity query passes, like every query */
  public RecordService(SalesforceClient salesforce, SoqlGuard guard) {
    this.salesforce = Objects.requireNonNull(salesforce, "salesforce");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /**
   * The account with every populated field.
   *
   * @throws RevOpsArgumentException naming {@code accountId} when it is not an Account id
   */
  public Optional<CrmRecord> getAccount(String accountId) {
    return retrieve(CrmObject.ACCOUNT, CrmObject.ACCOUNT.requireId("accountId", accountId));
  }

  /**
   * The opportunity with every populated field, and its owner's name and email in {@link CrmRecord#owner()}.
   *
   * @throws RevOpsArgumentException naming {@code opportunityId} when it is not an Opportunity id
   */
  public Optional<CrmRecord> getOpportunity(String opportunityId) {
    SalesforceId id = CrmObject.OPPORTUNITY.requireId("opportunityId", opportunityId);
    if (!hasFieldsFunction()) {
      return retrieve(CrmObject.OPPORTUNITY, id).map(this::withOwnerRetrieved);
    }
    return salesforce.query(opportunityQuery(id)).records().stream().findFirst()
        .map(record -> withOwnerFromQuery(id, record));
  }

  /**
   * The contact with every populated field.
   *
   * @throws RevOpsArgumentException naming {@code contactId} when it is not a Contact id
   */
  public Optional<CrmRecord> getContact(String contactId) {
    return retrieve(CrmObject.CONTACT, CrmObject.CONTACT.requireId("contactId", contactId));
  }

  /**
   * The lead with every populated field.
   *
   * @throws RevOpsArgumentException naming {@code leadId} when it is not a Lead id
   */
  public Optional<CrmRecord> getLead(String leadId) {
    return retrieve(CrmObject.LEAD, CrmObject.LEAD.requireId("leadId", leadId));
  }

  /** The request {@link #getAccount} would send; validates the same way and sends nothing. */
  public DryRunPlan planGetAccount(String accountId) {
    return retrievePlan("getAccount", CrmObject.ACCOUNT, CrmObject.ACCOUNT.requireId("accountId", accountId));
  }

  /** The request {@link #getOpportunity} would send; validates the same way and sends nothing. */
  public DryRunPlan planGetOpportunity(String opportunityId) {
    SalesforceId id = CrmObject.OPPORTUNITY.requireId("opportunityId", opportunityId);
    if (!hasFieldsFunction()) {
      return new DryRunPlan("getOpportunity",
          List.of(PlannedRequest.of(salesforce.plan().retrieve("Opportunity", id, List.of()))),
          List.of("Then GET sobjects/User/{OwnerId}?fields=Name,Email with the OwnerId the first answer holds"
              + " (API " + salesforce.apiVersion() + " predates FIELDS(), so the owner cannot come in the same query)."));
    }
    return new DryRunPlan("getOpportunity",
        List.of(PlannedRequest.of(salesforce.plan().query(opportunityQuery(id)))), List.of());
  }

  /** The request {@link #getContact} would send; validates the same way and sends nothing. */
  public DryRunPlan planGetContact(String contactId) {
    return retrievePlan("getContact", CrmObject.CONTACT, CrmObject.CONTACT.requireId("contactId", contactId));
  }

  /** The request {@link #getLead} would send; validates the same way and sends nothing. */
  public DryRunPlan planGetLead(String leadId) {
    return retrievePlan("getLead", CrmObject.LEAD, CrmObject.LEAD.requireId("leadId", leadId));
  }

  private Optional<CrmRecord> retrieve(CrmObject object, SalesforceId id) {
    return retrieveRecord(object.apiName(), id, List.of())
        .map(record -> new CrmRecord(object, id, record.fields(), Optional.empty()));
  }

  private DryRunPlan retrievePlan(String operation, CrmObject object, SalesforceId id) {
    return new DryRunPlan(operation,
        List.of(PlannedRequest.of(salesforce.plan().retrieve(object.apiName(), id, List.of()))), List.of());
  }

  private Optional<SObjectRecord> retrieveRecord(String type, SalesforceId id, List<String> fields) {
    try {
      return Optional.of(salesforce.retrieve(type, id, fields));
    } catch (SalesforceApiException e) {
      if (e.kind() == SalesforceApiException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private GuardedQuery opportunityQuery(SalesforceId id) {
    return guard.check("SELECT FIELDS(ALL), Owner.Name, Owner.Email FROM Opportunity WHERE Id = "
        + SoqlLiterals.id(id) + " LIMIT 1");
  }

  /** The query's row carries the owner as a nested {@code Owner} map: lift it out of the fields. */
  private static CrmRecord withOwnerFromQuery(SalesforceId id, SObjectRecord row) {
    Map<String, Object> fields = new LinkedHashMap<>(row.fields());
    fields.remove("Owner");
    Optional<RecordOwner> owner = row.getParent("Owner").flatMap(RecordService::owner);
    return new CrmRecord(CrmObject.OPPORTUNITY, id, fields, owner);
  }

  private CrmRecord withOwnerRetrieved(CrmRecord opportunity) {
    Optional<RecordOwner> owner = Optional.ofNullable(opportunity.fields().get("OwnerId"))
        .map(String::valueOf).filter(SalesforceId::isValid).map(SalesforceId::of)
        .flatMap(ownerId -> retrieveRecord("User", ownerId, OWNER_FIELDS))
        .flatMap(RecordService::owner);
    return new CrmRecord(opportunity.object(), opportunity.id(), opportunity.fields(), owner);
  }

  private static Optional<RecordOwner> owner(SObjectRecord user) {
    return user.getString("Name").map(name -> new RecordOwner(name, user.getString("Email")));
  }

  private boolean hasFieldsFunction() {
    String version = salesforce.apiVersion();
    return Integer.parseInt(version.substring(1, version.indexOf('.'))) >= FIELDS_FUNCTION_SINCE;
  }
}
