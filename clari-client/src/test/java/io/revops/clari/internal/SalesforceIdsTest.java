package io.revops.clari.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceIdsTest {
  @ParameterizedTest
  @CsvSource({"001M000000qfPyS,001M000000qfPySIAU", "a01M00000062mPg,a01M00000062mPgIAI",
      "a0D30000001n7Pi,a0D30000001n7PiEAI", "aaaaaaaaaaaaaaa,aaaaaaaaaaaaaaaAAA", "AbCdEfGhIjKlMnO,AbCdEfGhIjKlMnOVKV",
      "aBcDEfgHIJKLMNO,aBcDEfgHIJKLMNO025", "001M000000qfPySIAU,001M000000qfPySIAU"})
  void computesAndVerifiesTheChecksum(String input, String expected) {
    assertThat(SalesforceIds.to18(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"001M000000qfPySAAA", "001M000000qfPy", "001M000000qfPyS!", "001M000000qfPySIAUX", ""})
  void rejectsMalformedIdsAndWrongChecksums(String input) {
    assertThat(SalesforceIds.to18(input)).isEmpty();
  }
}
