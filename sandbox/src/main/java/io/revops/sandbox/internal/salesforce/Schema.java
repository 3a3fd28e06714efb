package io.revops.sandbox.internal.salesforce;

import static io.revops.sandbox.internal.salesforce.FieldType.ANYTYPE;
import static io.revops.sandbox.internal.salesforce.FieldType.BASE64;
import static io.revops.sandbox.internal.salesforce.FieldType.BOOLEAN;
import static io.revops.sandbox.internal.salesforce.FieldType.CURRENCY;
import static io.revops.sandbox.internal.salesforce.FieldType.DATE;
import static io.revops.sandbox.internal.salesforce.FieldType.DATETIME;
import static io.revops.sandbox.internal.salesforce.FieldType.EMAIL;
import static io.revops.sandbox.internal.salesforce.FieldType.ID;
import static io.revops.sandbox.internal.salesforce.FieldType.INT;
import static io.revops.sandbox.internal.salesforce.FieldType.PERCENT;
import static io.revops.sandbox.internal.salesforce.FieldType.PHONE;
import static io.revops.sandbox.internal.salesforce.FieldType.PICKLIST;
import static io.revops.sandbox.internal.salesforce.FieldType.REFERENCE;
import static io.revops.sandbox.internal.salesforce.FieldType.STRING;
import static io.revops.sandbox.internal.salesforce.FieldType.TEXTAREA;
import static io.revops.sandbox.internal.salesforce.FieldType.URL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sample org's objects and fields: the standard objects revops-mcp reads and writes, the audit
 * object {@code Cleanup_Audit__c}, and the child relationships between them. Describe, query
 * validation and write validation all read this one definition. Every object has {@code SystemModstamp}
 * but OpportunityFieldHistory, whose rows are never changed, and the setup metadata objects
 * {@code EntityDefinition} and {@code FieldDefinition} (as in Salesforce).
 */
public final class Schema {
  public static final String AUDIT_OBJECT = "Cleanup_Audit__c";

  /** Stages in picklist order: the sales process of the sample org (its commit stage is {@code Commit}). */
  public static final List<String> STAGES = List.of("Prospecting", "Qualification", "Needs Analysis", "Proposal",
      "Commit", "Negotiation", "Closed Won", "Closed Lost");
  public static final List<String> FORECAST_CATEGORY_NAMES = List.of("Omitted", "Pipeline", "Best Case", "Commit",
      "Closed");
  public static final List<String> FORECAST_CATEGORIES = List.of("Omitted", "Pipeline", "BestCase", "Forecast",
      "Closed");
  public static final List<String> OPPORTUNITY_TYPES = List.of("New Business", "Existing Business", "Renewal");
  public static final List<String> LEAD_SOURCES = List.of("Web", "Phone Inquiry", "Partner Referral", "Trade Show",
      "Outbound", "Other");
  public static final List<String> INDUSTRIES = List.of("Technology", "Healthcare", "Financial Services",
      "Manufacturing", "Retail", "Education", "Media", "Energy", "Transportation", "Government");
  public static final List<String> ACCOUNT_TYPES = List.of("Prospect", "Customer", "Partner", "Other");
  public static final List<String> LEAD_STATUSES = List.of("Open - Not Contacted", "Working - Contacted",
      "Closed - Converted", "Closed - Not Converted");
  public static final List<String> EVENT_TYPES = List.of("Call", "Email", "Meeting", "Other");
  /** The Opportunity fields with history tracking on: the fields OpportunityFieldHistory rows name. */
  public static final List<String> OPPORTUNITY_HISTORY_TRACKED = List.of("StageName", "Amount", "CloseDate");
  /**
   * Setup metadata objects, answered with Salesforce's restricted SOQL for them: no COUNT(), GROUP BY, OR,
   * NOT or INCLUDES, and LIMIT/OFFSET ignored.
   */
  public static final Set<String> SETUP_METADATA = Set.of("EntityDefinition", "FieldDefinition");

  private final Map<String, ObjectSchema> objects = new LinkedHashMap<>();
  private final Map<String, ObjectSchema> byPrefix = new LinkedHashMap<>();

  private Schema() {}

  /** The sample org's schema. */
  public static Schema sampleOrg() {
    Schema s = new Schema();
    s.add("Organization", "Organization", "Organizations", "00D", false, false, List.of(
        id(),
        f("Name", "Name", STRING).length(80).build(),
        f("DefaultCurrencyIsoCode", "Currency", PICKLIST).picklist(List.of("USD"), true).build(),
        f("DefaultLocaleSidKey", "Locale", STRING).length(40).build(),
        f("LanguageLocaleKey", "Language", STRING).length(40).build(),
        f("TimeZoneSidKey", "Default Time Zone", STRING).length(40).build(),
        f("FiscalYearStartMonth", "Fiscal Year Starts In", INT).build(),
        f("OrganizationType", "Edition", STRING).length(40).build(),
        f("IsSandbox", "Is Sandbox", BOOLEAN).build(),
        f("CreatedDate", "Created Date", DATETIME).build(), systemModstamp()));
    s.add("User", "User", "Users", "005", false, false, List.of(
        id(),
        f("Username", "Username", STRING).length(80).build(),
        f("Name", "Full Name", STRING).length(121).build(),
        f("FirstName", "First Name", STRING).length(40).build(),
        f("LastName", "Last Name", STRING).length(80).build(),
        f("Email", "Email", EMAIL).length(128).build(),
        f("Title", "Title", STRING).length(80).build(),
        f("Department", "Department", STRING).length(80).build(),
        f("IsActive", "Active", BOOLEAN).build(),
        f("ManagerId", "Manager ID", REFERENCE).reference("Manager", "User").build(),
        f("TimeZoneSidKey", "Time Zone", STRING).length(40).build(),
        f("CreatedDate", "Created Date", DATETIME).build(),
        lastModifiedDate(), systemModstamp()));
    s.add("Account", "Account", "Accounts", "001", true, true, List.of(
        id(),
        f("Name", "Account Name", STRING).length(255).writable().required().build(),
        f("Type", "Account Type", PICKLIST).picklist(ACCOUNT_TYPES, false).writable().build(),
        f("Industry", "Industry", PICKLIST).picklist(INDUSTRIES, false).writable().build(),
        f("BillingCity", "Billing City", STRING).length(40).writable().build(),
        f("BillingState", "Billing State/Province", STRING).length(80).writable().build(),
        f("BillingCountry", "Billing Country", STRING).length(80).writable().build(),
        f("Website", "Website", URL).writable().build(),
        f("Phone", "Account Phone", PHONE).writable().build(),
        f("AnnualRevenue", "Annual Revenue", CURRENCY).writable().build(),
        f("NumberOfEmployees", "Employees", INT).writable().build(),
        f("Description", "Account Description", TEXTAREA).writable().build(),
        owner(),
        f("LastActivityDate", "Last Activity", DATE).calculated().build(),
        createdDate(), createdBy(), lastModifiedDate(), lastModifiedBy(), systemModstamp()));
    s.add("Contact", "Contact", "Contacts", "003", true, true, List.of(
        id(),
        f("AccountId", "Account ID", REFERENCE).reference("Account", "Account").writable().build(),
        f("FirstName", "First Name", STRING).length(40).writable().build(),
        f("LastName", "Last Name", STRING).length(80).writable().required().build(),
        f("Name", "Full Name", STRING).length(121).calculated().build(),
        f("Title", "Title", STRING).length(128).writable().build(),
        f("Email", "Email", EMAIL).length(80).writable().build(),
        f("Phone", "Business Phone", PHONE).writable().build(),
        f("LeadSource", "Lead Source", PICKLIST).picklist(LEAD_SOURCES, false).writable().build(),
        owner(),
        f("LastActivityDate", "Last Activity", DATE).calculated().build(),
        createdDate(), createdBy(), lastModifiedDate(), lastModifiedBy(), systemModstamp()));
    s.add("Lead", "Lead", "Leads", "00Q", true, true, List.of(
        id(),
        f("FirstName", "First Name", STRING).length(40).writable().build(),
        f("LastName", "Last Name", STRING).length(80).writable().required().build(),
        f("Name", "Full Name", STRING).length(121).calculated().build(),
        f("Company", "Company", STRING).length(255).writable().required().build(),
        f("Title", "Title", STRING).length(128).writable().build(),
        f("Email", "Email", EMAIL).length(80).writable().build(),
        f("Phone", "Phone", PHONE).writable().build(),
        f("Status", "Lead Status", PICKLIST).picklist(LEAD_STATUSES, true).writable().required()
            .defaultValue("Open - Not Contacted").build(),
        f("LeadSource", "Lead Source", PICKLIST).picklist(LEAD_SOURCES, false).writable().build(),
        f("Rating", "Rating", PICKLIST).picklist(List.of("Hot", "Warm", "Cold"), false).writable().build(),
        f("Industry", "Industry", PICKLIST).picklist(INDUSTRIES, false).writable().build(),
        f("IsConverted", "Converted", BOOLEAN).calculated().build(),
        owner(),
        createdDate(), createdBy(), lastModifiedDate(), lastModifiedBy(), systemModstamp()));
    s.add("Opportunity", "Opportunity", "Opportunities", "006", true, true, List.of(
        id(),
        f("Name", "Name", STRING).length(120).writable().required().build(),
        f("AccountId", "Account ID", REFERENCE).reference("Account", "Account").writable().build(),
        f("StageName", "Stage", PICKLIST).picklist(STAGES, true).writable().required().build(),
        f("Amount", "Amount", CURRENCY).writable().build(),
        f("Probability", "Probability (%)", PERCENT).writable().build(),
        f("ExpectedRevenue", "Expected Amount", CURRENCY).calculated().build(),
        f("CloseDate", "Close Date", DATE).writable().required().build(),
        f("Type", "Opportunity Type", PICKLIST).picklist(OPPORTUNITY_TYPES, false).writable().build(),
        f("LeadSource", "Lead Source", PICKLIST).picklist(LEAD_SOURCES, false).writable().build(),
        f("NextStep", "Next Step", STRING).length(255).writable().build(),
        f("Description", "Description", TEXTAREA).writable().build(),
        f("ForecastCategory", "Forecast Category", PICKLIST).picklist(FORECAST_CATEGORIES, true).calculated().build(),
        f("ForecastCategoryName", "Forecast Category", PICKLIST).picklist(FORECAST_CATEGORY_NAMES, true).writable()
            .build(),
        f("IsClosed", "Closed", BOOLEAN).calculated().build(),
        f("IsWon", "Won", BOOLEAN).calculated().build(),
        f("HasOpenActivity", "Has Open Activity", BOOLEAN).calculated().build(),
        f("HasOverdueTask", "Has Overdue Task", BOOLEAN).calculated().build(),
        f("LastActivityDate", "Last Activity", DATE).calculated().build(),
        f("LastStageChangeDate", "Last Stage Change Date", DATETIME).calculated().build(),
        f("PushCount", "Push Count", INT).calculated().build(),
        f("FiscalQuarter", "Fiscal Quarter", INT).calculated().build(),
        f("FiscalYear", "Fiscal Year", INT).calculated().build(),
        owner(),
        createdDate(), createdBy(), lastModifiedDate(), lastModifiedBy(), systemModstamp()));
    s.add("OpportunityHistory", "Opportunity History", "Opportunity History", "008", false, false, List.of(
        id(),
        f("OpportunityId", "Opportunity ID", REFERENCE).reference("Opportunity", "Opportunity").build(),
        f("StageName", "Stage", PICKLIST).picklist(STAGES, true).build(),
        f("Amount", "Amount", CURRENCY).build(),
        f("ExpectedRevenue", "Expected Revenue", CURRENCY).build(),
        f("CloseDate", "Close Date", DATE).build(),
        f("Probability", "Probability (%)", PERCENT).build(),
        f("ForecastCategory", "Forecast Category", PICKLIST).picklist(FORECAST_CATEGORIES, true).build(),
        f("PrevAmount", "Previous Amount", CURRENCY).build(),
        f("PrevCloseDate", "Previous Close Date", DATE).build(),
        f("IsDeleted", "Deleted", BOOLEAN).build(),
        createdDate(), createdBy(), systemModstamp()));
    s.add("OpportunityFieldHistory", "Opportunity Field History", "Opportunity Field History", "017", false, false,
        List.of(
            id(),
            f("OpportunityId", "Opportunity ID", REFERENCE).reference("Opportunity", "Opportunity").build(),
            f("Field", "Changed Field", PICKLIST)
                .picklist(List.of("Amount", "CloseDate", "StageName", "created"), false).build(),
            f("DataType", "Data Type", STRING).length(40).build(),
            f("OldValue", "Old Value", ANYTYPE).notFilterable().build(),
            f("NewValue", "New Value", ANYTYPE).notFilterable().build(),
            f("IsDeleted", "Deleted", BOOLEAN).build(),
            createdDate(), createdBy()));
    s.add("Event", "Event", "Events", "00U", true, true, List.of(
        id(),
        f("Subject", "Subject", STRING).length(255).writable().build(),
        f("Type", "Type", PICKLIST).picklist(EVENT_TYPES, false).writable().build(),
        f("Location", "Location", STRING).length(255).writable().build(),
        f("ActivityDate", "Due Date Only", DATE).writable().build(),
        f("ActivityDateTime", "Due Date Time", DATETIME).writable().build(),
        f("StartDateTime", "Start", DATETIME).writable().build(),
        f("EndDateTime", "End", DATETIME).writable().build(),
        f("DurationInMinutes", "Duration", INT).writable().build(),
        f("IsAllDayEvent", "All-Day Event", BOOLEAN).writable().build(),
        f("WhatId", "Related To ID", REFERENCE).reference("What", "Account", "Opportunity").writable().build(),
        f("WhoId", "Name ID", REFERENCE).reference("Who", "Contact", "Lead").writable().build(),
        f("AccountId", "Account ID", REFERENCE).reference("Account", "Account").calculated().build(),
        f("Description", "Description", TEXTAREA).writable().build(),
        owner(),
        createdDate(), createdBy(), lastModifiedDate(), lastModifiedBy(), systemModstamp()));
    s.add(AUDIT_OBJECT, "Cleanup Audit", "Cleanup Audits", "a05", true, true, List.of(
        id(),
        f("Name", "Cleanup Audit Number", STRING).length(80).calculated().build(),
        f("Object_Name__c", "Object Name", STRING).length(80).writable().build(),
        f("Record_Id__c", "Record Id", STRING).length(18).writable().build(),
        f("Field_Name__c", "Field Name", STRING).length(80).writable().build(),
        f("Old_Value__c", "Old Value", TEXTAREA).length(32768).writable().build(),
        f("New_Value__c", "New Value", TEXTAREA).length(32768).writable().build(),
        f("Justification__c", "Justification", TEXTAREA).length(32768).writable().build(),
        f("Performed_By__c", "Performed By", STRING).length(255).writable().build(),
        f("Failed__c", "Failed", BOOLEAN).writable().build(),
        f("Error__c", "Error", TEXTAREA).length(32768).writable().build(),
        owner(),
        createdDate(), createdBy(), lastModifiedDate(), lastModifiedBy(), systemModstamp()));
    s.add("ContentNote", "Note", "Notes", "069", true, true, List.of(
        id(),
        f("Title", "Title", STRING).length(255).writable().required().build(),
        f("Content", "Content", BASE64).writable().build(),
        f("TextPreview", "Text Preview", STRING).length(255).calculated().build(),
        f("FileType", "File Type", STRING).length(20).calculated().build(),
        f("FileExtension", "File Extension", STRING).length(40).calculated().build(),
        f("ContentSize", "Size", INT).calculated().build(),
        owner(),
        createdDate(), createdBy(), lastModifiedDate(), lastModifiedBy(), systemModstamp()));
    s.add("ContentDocument", "Content Document", "Content Documents", "069", false, false, List.of(
        id(),
        f("Title", "Title", STRING).length(255).build(),
        f("FileType", "File Type", STRING).length(20).build(),
        f("FileExtension", "File Extension", STRING).length(40).build(),
        f("ContentSize", "Size", INT).build(),
        owner(),
        createdDate(), createdBy(), lastModifiedDate(), systemModstamp()));
    s.add("ContentDocumentLink", "Content Document Link", "Content Document Links", "06A", true, true, List.of(
        id(),
        f("ContentDocumentId", "ContentDocument ID", REFERENCE).reference("ContentDocument", "ContentDocument")
            .createOnly().required().build(),
        f("LinkedEntityId", "Linked Entity ID", REFERENCE)
            .reference("LinkedEntity", "Account", "Contact", "Lead", "Opportunity", "User").createOnly().required()
            .build(),
        f("ShareType", "Share Type", PICKLIST).picklist(List.of("V", "C", "I"), true).writable().defaultValue("V")
            .build(),
        f("Visibility", "Visibility", PICKLIST).picklist(List.of("AllUsers", "InternalUsers", "SharedUsers"), true)
            .writable().defaultValue("AllUsers").build(),
        f("IsDeleted", "Deleted", BOOLEAN).build(), systemModstamp()));
    // Setup metadata: the Id of these rows is their DurableId (an object's API name, Object.Field for a field).
    s.add("EntityDefinition", "Entity Definition", "Entity Definitions", null, false, false, List.of(
        id(),
        f("DurableId", "Durable Id", STRING).length(255).build(),
        f("QualifiedApiName", "Qualified API Name", STRING).length(255).build(),
        f("Label", "Label", STRING).length(255).build(),
        f("PluralLabel", "Plural Label", STRING).length(255).build(),
        f("KeyPrefix", "Key Prefix", STRING).length(3).build()));
    s.add("FieldDefinition", "Field Definition", "Field Definitions", null, false, false, List.of(
        id(),
        f("DurableId", "Durable Id", STRING).length(255).build(),
        f("QualifiedApiName", "Qualified API Name", STRING).length(255).build(),
        f("EntityDefinitionId", "Entity Definition ID", STRING).length(255)
            .reference("EntityDefinition", "EntityDefinition").build(),
        f("Label", "Label", STRING).length(255).build(),
        f("DataType", "Data Type", STRING).length(255).build(),
        f("IsFieldHistoryTracked", "Field History Tracked", BOOLEAN).build()));

    s.child("Account", "Contact", "AccountId", "Contacts");
    s.child("Account", "Opportunity", "AccountId", "Opportunities");
    s.child("Account", "Event", "WhatId", "Events");
    s.child("Account", "ContentDocumentLink", "LinkedEntityId", "ContentDocumentLinks");
    s.child("Contact", "Event", "WhoId", "Events");
    s.child("Contact", "ContentDocumentLink", "LinkedEntityId", "ContentDocumentLinks");
    s.child("Lead", "Event", "WhoId", "Events");
    s.child("Lead", "ContentDocumentLink", "LinkedEntityId", "ContentDocumentLinks");
    s.child("Opportunity", "OpportunityHistory", "OpportunityId", "OpportunityHistories");
    s.child("Opportunity", "OpportunityFieldHistory", "OpportunityId", "Histories");
    s.child("Opportunity", "Event", "WhatId", "Events");
    s.child("Opportunity", "ContentDocumentLink", "LinkedEntityId", "ContentDocumentLinks");
    s.child("ContentDocument", "ContentDocumentLink", "ContentDocumentId", "ContentDocumentLinks");
    s.child("User", "User", "ManagerId", "ManagedUsers");
    return s;
  }

  private static FieldSchema.Builder f(String name, String label, FieldType type) {
    return FieldSchema.builder(name, label, type);
  }

  private static FieldSchema id() {
    return f("Id", "Record ID", ID).build();
  }

  private static FieldSchema owner() {
    return f("OwnerId", "Owner ID", REFERENCE).reference("Owner", "User").writable().build();
  }

  private static FieldSchema createdDate() {
    return f("CreatedDate", "Created Date", DATETIME).build();
  }

  private static FieldSchema createdBy() {
    return f("CreatedById", "Created By ID", REFERENCE).reference("CreatedBy", "User").build();
  }

  private static FieldSchema lastModifiedDate() {
    return f("LastModifiedDate", "Last Modified Date", DATETIME).build();
  }

  /** When the system last changed the record, by a user or by automation; every object but field history has it. */
  private static FieldSchema systemModstamp() {
    return f("SystemModstamp", "System Modstamp", DATETIME).build();
  }

  private static FieldSchema lastModifiedBy() {
    return f("LastModifiedById", "Last Modified By ID", REFERENCE).reference("LastModifiedBy", "User").build();
  }

  private void add(String name, String label, String plural, String prefix, boolean createable, boolean updateable,
      List<FieldSchema> fields) {
    ObjectSchema object = new ObjectSchema(name, label, plural, prefix, createable, updateable, fields);
    objects.put(name.toLowerCase(Locale.ROOT), object);
    if (prefix != null) {
      byPrefix.putIfAbsent(prefix, object);
    }
  }

  private void child(String parent, String childObject, String field, String relationshipName) {
    objects.get(parent.toLowerCase(Locale.ROOT))
        .addChild(new ObjectSchema.ChildRelationship(childObject, field, relationshipName));
  }

  /** The object named {@code name}, case-insensitively. */
  public Optional<ObjectSchema> object(String name) {
    return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The first object registered with key prefix {@code prefix} (ContentNote for {@code 069}). */
  public Optional<ObjectSchema> byKeyPrefix(String prefix) {
    return Optional.ofNullable(byPrefix.get(prefix));
  }

  public List<ObjectSchema> objects() {
    return new ArrayList<>(objects.values());
  }
}
