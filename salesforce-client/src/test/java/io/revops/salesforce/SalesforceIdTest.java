package io.revops.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SalesforceIdTest {

  @ParameterizedTest
  @CsvSource({
      "001M000000qfPyS, 001M000000qfPySIAU",
      "a01M00000062mPg, a01M00000062mPgIAI",
      "a0D30000001n7Pi, a0D30000001n7PiEAI",
      "aaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaAAA",
      "AbCdEfGhIjKlMnO, AbCdEfGhIjKlMnOVKV",
      "aBcDEfgHIJKLMNO, aBcDEfgHIJKLMNO025"})
  void convertsTheNotesTestVectorsFrom15To18(String id15, String id18) {
    SalesforceId id = SalesforceId.of(id15);
    assertThat(id.to18()).isEqualTo(id18);
    assertThat(id.to15()).isEqualTo(id15);
    assertThat(SalesforceId.of(id18)).isEqualTo(id);
  }

  @Test
  void comparesIn18CharacterForm() {
    assertThat(SalesforceId.of("001M000000qfPyS")).isEqualTo(SalesforceId.of("001M000000qfPySIAU"))
        .hasSameHashCodeAs(SalesforceId.of("001M000000qfPySIAU"));
    assertThat(SalesforceId.of("001M000000qfPyS").toString()).isEqualTo("001M000000qfPySIAU");
  }

  @Test
  void rejectsAWrongChecksumNamingTheArgumentAndTheExpectedSuffix() {
    assertThatThrownBy(() -> SalesforceId.of("001M000000qfPySAAA", "account_id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account_id")
        .hasMessageContaining("expected IAU")
        .hasMessageContaining("copy it again");
  }

  @Test
  void rejectsWrongShapes() {
    for (String bad : new String[] {"", "006", "006Dn00000A1b2", "006Dn00000A1b2cIA", "006Dn00000A1b2c-AB",
        "006Dn00000A1b2ciab", "006Dn00000A1b2c' OR '1'='1"}) {
      assertThatThrownBy(() -> SalesforceId.of(bad, "opp_id"))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("opp_id");
    }
    assertThatThrownBy(() -> SalesforceId.of(null, "opp_id")).hasMessageContaining("opp_id is missing");
    assertThat(SalesforceId.isValid("not an id")).isFalse();
  }

  @Test
  void exposesKeyPrefixAndKnownObjects() {
    assertThat(SalesforceId.of("001M000000qfPyS").keyPrefix()).isEqualTo("001");
    assertThat(SalesforceId.of("001M000000qfPyS").knownObject()).contains("Account");
    assertThat(SalesforceId.of("006000000000001").knownObject()).contains("Opportunity");
    assertThat(SalesforceId.of("00Q000000000001").knownObject()).contains("Lead");
    assertThat(SalesforceId.of("003000000000001").knownObject()).contains("Contact");
    assertThat(SalesforceId.of("005000000000001").knownObject()).contains("User");
    assertThat(SalesforceId.of("069000000000001").knownObject()).contains("ContentDocument");
    assertThat(SalesforceId.of("06A000000000001").knownObject()).contains("ContentDocumentLink");
    assertThat(SalesforceId.of("a01M00000062mPg").knownObject()).isEmpty();
  }

  @Test
  void ofTypeRefusesAnIdOfAnotherObject() {
    assertThat(SalesforceId.ofType("006000000000001", "Opportunity", "opp_id").keyPrefix()).isEqualTo("006");
    assertThatThrownBy(() -> SalesforceId.ofType("001M000000qfPyS", "Opportunity", "opp_id"))
        .hasMessageContaining("opp_id")
        .hasMessageContaining("is an Account, not an Opportunity")
        .hasMessageContaining("starts with 006");
  }
}
