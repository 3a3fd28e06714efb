package io.revops.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.salesforce.SalesforceApiException.Kind;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A composite answer is returned only when it can be taken at its word: one result, with an HTTP status,
 * for each subrequest. Anything else is an unexpected response, never an empty "all succeeded".
 */
class CompositeAnswerTest extends MockSalesforce {
  static final SalesforceId OPP = SalesforceId.of("006000000000001");

  /** An audited update: create the audit row, then update the opportunity. */
  static CompositeRequest auditedUpdate() {
    return CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("audit", "Cleanup_Audit__c", Map.of("Name", "x")))
        .add(CompositeSubrequest.update("upd", "Opportunity", OPP, Map.of("StageName", "Closed Won")))
        .build();
  }

  static String result(String referenceId, int status) {
    return "{'body':null,'httpHeaders':{},'httpStatusCode':" + status + ",'referenceId':'" + referenceId + "'}";
  }

  SalesforceApiException failure(String body) {
    enqueueJson(200, json(body));
    return catchThrowableOfType(SalesforceApiException.class, () -> client.composite(auditedUpdate()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{'compositeResponse':null}", "{'compositeResponse':{}}",
      "{'compositeResponse':'none'}", "[]", "{'compositeResponse':[1]}", "<html>Maintenance</html>"})
  void aBodyWithoutACompositeResponseArrayOfObjectsIsUnexpectedNotAnEmptySuccess(String body) {
    SalesforceApiException e = failure(body);

    assertThat(e).isNotNull().isNotInstanceOf(CompositeMismatchException.class);
    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.getMessage()).startsWith("POST /services/data/v60.0/composite returned 200 but the response could"
        + " not be read (").endsWith("The subrequests may or may not have been processed: check the records before"
        + " repeating the call.");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void fewerResultsThanSubrequestsAreAMismatchThatKeepsWhatCameBack() {
    SalesforceApiException e = failure("{'compositeResponse':[" + result("audit", 201) + "]}");

    assertThat(e).isInstanceOf(CompositeMismatchException.class);
    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE);
    assertThat(e.getMessage()).isEqualTo("POST /services/data/v60.0/composite returned 200 with results that do not"
        + " match the request: 1 result for 2 subrequests; no result for upd. The subrequests may or may not have"
        + " been processed: check the records before repeating the call.");
    CompositeResponse unverified = ((CompositeMismatchException) e).unverifiedResults();
    assertThat(unverified.results()).extracting(CompositeSubresponse::referenceId).containsExactly("audit");
    assertThat(server.getRequestCount()).as("a composite call is never repeated").isEqualTo(1);
  }

  @Test
  void anEmptyResultListIsAMismatchNotAllSucceeded() {
    SalesforceApiException e = failure("{'compositeResponse':[]}");

    assertThat(e).isInstanceOf(CompositeMismatchException.class);
    assertThat(e.getMessage()).contains("0 results for 2 subrequests; no result for audit, upd.");
  }

  @Test
  void moreResultsThanSubrequestsAreAMismatch() {
    SalesforceApiException e = failure("{'compositeResponse':[" + result("audit", 201) + "," + result("upd", 204)
        + "," + result("extra", 204) + "]}");

    assertThat(e).isInstanceOf(CompositeMismatchException.class);
    assertThat(e.getMessage()).contains("3 results for 2 subrequests; unrequested or repeated results for 'extra'.");
  }

  @Test
  void theRightCountUnderTheWrongNamesIsAMismatch() {
    SalesforceApiException e = failure("{'compositeResponse':[" + result("audit", 201) + "," + result("audit", 201)
        + "]}");

    assertThat(e).isInstanceOf(CompositeMismatchException.class);
    assertThat(e.getMessage()).contains("match the request: no result for upd; unrequested or repeated results for"
        + " 'audit'.");
  }

  @Test
  void aResultWithoutAnHttpStatusIsAMismatchRatherThanAFailure() {
    SalesforceApiException e = failure("{'compositeResponse':[" + result("audit", 201)
        + ",{'body':null,'httpHeaders':{},'referenceId':'upd'}]}");

    assertThat(e).isInstanceOf(CompositeMismatchException.class);
    assertThat(e.getMessage()).contains("match the request: no HTTP status for upd.");
    assertThat(((CompositeMismatchException) e).unverifiedResults().result("upd").orElseThrow().httpStatus()).isZero();
  }

  @Test
  void resultsInAnotherOrderStillMatch() {
    enqueueJson(200, json("{'compositeResponse':[" + result("upd", 204) + "," + result("audit", 201) + "]}"));

    CompositeResponse response = client.composite(auditedUpdate());

    assertThat(response.allSucceeded()).isTrue();
    assertThat(response.result("audit").orElseThrow().httpStatus()).isEqualTo(201);
  }
}
