package io.revops.mcp.fakes;

import static io.revops.mcp.fakes.Routes.json;
import static io.revops.mcp.fakes.Routes.q;

/** Salesforce answers shaped as in the notes (salesforce-api.md) for a small healthy org, API v60.0. */
public final class FakeSalesforce {
  public static final String TOKEN = "00D000000000001!fake-sfdc-session-token";
  public static final String DATA = "/services/data/v60.0/";

  public static final String USERINFO = q("{'sub':'https://login.salesforce.com/id/00D/005','user_id':'005000000000001AAA',"
      + "'organization_id':'00D000000000001AAA','preferred_username':'integration@acme.com','email':'ops@acme.com',"
      + "'name':'RevOps Integration'}");

  public static final String LIMITS = q("{'DailyApiRequests':{'Max':15000,'Remaining':14200}}");

  private FakeSalesforce() {
  }

  /** One describe field. */
  public static String field(String name, String type, boolean createable, String picklist) {
    return q("{'name':'" + name + "','label':'" + name + "','type':'" + type + "','updateable':" + createable
        + ",'createable':" + createable + ",'nillable':true,'calculated':false,'length':255,'referenceTo':[],"
        + "'picklistValues':[" + picklist + "]}");
  }

  /** A describe answer. */
  public static String describe(String object, String keyPrefix, boolean createable, String... fields) {
    return q("{'name':'" + object + "','label':'" + object + "','keyPrefix':'" + keyPrefix + "','queryable':true,"
        + "'createable':" + createable + ",'updateable':true,'fields':[") + String.join(",", fields) + "]}";
  }

  public static String stageField(String... stages) {
    StringBuilder values = new StringBuilder();
    for (String stage : stages) {
      if (values.length() > 0) {
        values.append(',');
      }
      values.append(q("{'value':'" + stage + "','label':'" + stage + "','active':true,'defaultValue':false}"));
    }
    return field("StageName", "picklist", true, values.toString());
  }

  public static String opportunityDescribe() {
    return describe("Opportunity", "006", true, field("Id", "id", false, ""),
        stageField("Prospecting", "Qualification", "Commit", "Closed Won", "Closed Lost"),
        field("Amount", "currency", true, ""), field("CloseDate", "date", true, ""),
        field("NextStep", "string", true, ""), field("LastStageChangeDate", "datetime", false, ""));
  }

  public static String auditDescribe(boolean withFailed) {
    String[] names = {"Object_Name__c", "Record_Id__c", "Field_Name__c", "Old_Value__c", "New_Value__c",
        "Justification__c", "Performed_By__c"};
    StringBuilder fields = new StringBuilder(field("Id", "id", false, ""));
    for (String name : names) {
      fields.append(',').append(field(name, name.contains("Value") || name.startsWith("Just") ? "textarea" : "string",
          true, ""));
    }
    if (withFailed) {
      fields.append(',').append(field("Failed__c", "boolean", true, "")).append(',')
          .append(field("Error__c", "textarea", true, ""));
    }
    return describe("Cleanup_Audit__c", "a0X", true, fields.toString());
  }

  /** A healthy org for the doctor and the read tools. */
  public static Routes healthy() {
    return new Routes()
        .on("GET", "/services/oauth2/userinfo", json(200, USERINFO))
        .on("GET", DATA + "limits", json(200, LIMITS))
        .on("GET", DATA + "sobjects/Opportunity/describe", json(200, opportunityDescribe()))
        .on("GET", DATA + "sobjects/Cleanup_Audit__c/describe", json(200, auditDescribe(true)));
  }

  /** Salesforce's error array. */
  public static String error(String code, String message) {
    return q("[{'message':'" + message + "','errorCode':'" + code + "'}]");
  }
}
