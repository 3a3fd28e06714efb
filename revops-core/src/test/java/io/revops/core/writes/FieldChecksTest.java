package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.core.RevOpsArgumentException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks that refuse an update against the org's describe, before anything is written: the describes
 * are fetched once, and each check after that adds no request.
 */
class FieldChecksTest extends MockOrg {

  private RevOpsArgumentException refused(String object, String id, String field, String value, String why,
      Optional<String> actor) {
    return catchThrowableOfType(RevOpsArgumentException.class,
        () -> writer.updateField(object, id, field, value, why, actor));
  }

  private RevOpsArgumentException refused(String field, String value) {
    return refused("Opportunity", OPP, field, value, WHY, Optional.empty());
  }

  @BeforeEach
  void cacheTheDescribes() {
    enqueue(200, auditDescribe(true, true));
    enqueue(200, opportunityDescribe());
    refused("Amount", "not a number");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "Amount | 12,000 | newValue: '12,000' is not a number, which Opportunity.Amount (currency) needs. Pass a plain"
          + " number such as 125000 or 99.50, without currency symbols or thousands separators",
      "Amount | $5 | newValue: '$5' is not a number",
      "Amount | 1234567890123456789 | newValue: 1234567890123456789 has 19 digits before the decimal point, more"
          + " than Opportunity.Amount can hold",
      "Probability | 25 percent | newValue: '25 percent' is not a number, which Opportunity.Probability (percent)"
          + " needs. Pass the percentage as a plain number, such as 25 for 25%",
      "Seats__c | 12.5 | newValue: '12.5' is not a whole number, which Opportunity.Seats__c (int) needs",
      "Seats__c | 3000000000 | newValue: 3000000000 is outside the range of Opportunity.Seats__c (int)",
      "CloseDate | 06/30/2026 | newValue: '06/30/2026' is not a date, which Opportunity.CloseDate needs. Pass an"
          + " ISO date, yyyy-MM-dd, such as 2026-06-30",
      "CloseDate | 2026-02-30 | newValue: '2026-02-30' is not a date",
      "Review_At__c | 2026-06-30T17:00:00 | newValue: '2026-06-30T17:00:00' is not a date-time with a time zone,"
          + " which Opportunity.Review_At__c needs. Pass an ISO date-time with a zone, such as 2026-06-30T17:00:00Z",
      "IsPrivate | yes | newValue: 'yes' is not true or false, which Opportunity.IsPrivate (checkbox) needs. Pass"
          + " true or false",
      "StageName | Closed Forever | newValue: 'Closed Forever' is not a value of the Opportunity.StageName picklist."
          + " Active values: 'Prospecting', 'Proposal', 'Negotiation'",
      "StageName | negotiation | newValue: 'negotiation' is not a value of the Opportunity.StageName picklist. Use"
          + " the API value 'Negotiation'. Active values:",
      "StageName | Legacy | newValue: 'Legacy' is an inactive value of the Opportunity.StageName picklist",
      "Products__c | Core;Widgets | newValue: 'Widgets' is not a value of the Opportunity.Products__c picklist",
      "Champion_Email__c | ana at acme | newValue: 'ana at acme' is not an email address, which"
          + " Opportunity.Champion_Email__c needs",
      "OwnerId | 001000000000001AAA | newValue: 001000000000001AAA is an id of Account, but Opportunity.OwnerId"
          + " points to User. Pass an id of User",
      "OwnerId | nobody | newValue 'nobody' is not a Salesforce id"})
  void valuesAreCheckedAgainstTheFieldTypeWithoutARequest(String field, String value, String expected) {
    RevOpsArgumentException e = refused(field, value);

    assertThat(e.argument()).isEqualTo("newValue");
    assertThat(e.getMessage()).startsWith(expected);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void textLongerThanTheFieldIsRefusedWithoutARequest() {
    assertThat(refused("NextStep", "x".repeat(256)))
        .hasMessage("newValue: it is 256 characters long, but Opportunity.NextStep holds at most 255. Shorten it to"
            + " 255 characters or fewer");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aFieldThatMayNotBeEmptyIsNotCleared() {
    assertThat(refused("CloseDate", "")).hasMessage("newValue: an empty value would clear Opportunity.CloseDate,"
        + " which Salesforce requires to have a value. Pass a value for Opportunity.CloseDate");
    assertThat(refused("IsPrivate", " ")).hasMessageEndingWith("Pass true or false");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void fieldsThatCannotBeWrittenAreRefusedWithoutARequest() {
    assertThat(refused("ExpectedRevenue", "5")).hasMessageStartingWith(
        "fieldName: Opportunity.ExpectedRevenue is a calculated (formula or roll-up) field.");
    assertThat(refused("IsClosed", "true")).hasMessageStartingWith(
        "fieldName: Opportunity.IsClosed is read-only for the API user.");
    assertThat(refused("Site__c", "1,2")).hasMessageStartingWith(
        "fieldName: Opportunity.Site__c is a location field, which this server does not write.");
    assertThat(refused("No_Such__c", "x")).hasMessage("fieldName: Opportunity has no field 'No_Such__c' (or it is"
        + " hidden from the API user by field-level security). Use the field's API name, such as StageName or"
        + " NextStep; custom fields end in __c");
    assertThat(refused("Stage", "x")).hasMessageEndingWith(
        "Use the API name StageName (the label 'Stage' is not an API name)");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aJustificationLongerThanTheAuditFieldIsRefusedBeforeWriting() {
    RevOpsArgumentException e = refused("Opportunity", OPP, "NextStep", "x", "y".repeat(32769), Optional.empty());

    assertThat(e).hasMessage("justification: it is 32769 characters long, but the audit field"
        + " Cleanup_Audit__c.Justification__c holds at most 32768. Shorten it to 32768 characters, or ask an"
        + " administrator to lengthen Justification__c");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
