package io.revops.core.writes;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.salesforce.FieldDescribe;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers that fit a field's precision and scale (or digits) are written exactly as given. */
class FieldValuesNumberTest {

  private static FieldDescribe number(String type, int precision, int scale, int digits) {
    return new FieldDescribe("F__c", "F", type, true, true, true, false, 0, precision, scale, digits, List.of(), false,
        List.of());
  }

  @ParameterizedTest(name = "{0}({1}, {2}) digits {3} takes \"{4}\"")
  @CsvSource(delimiter = '|', value = {
      "currency | 18 | 2 | 0 | 9999999999999999.99 | 9999999999999999.99",
      "currency | 18 | 2 | 0 | -9999999999999999.99 | -9999999999999999.99",
      "currency | 18 | 2 | 0 | 99.500 | 99.500",
      "currency | 18 | 2 | 0 | 0.05 | 0.05",
      "currency | 18 | 0 | 0 | 125000.00 | 125000.00",
      "percent | 3 | 0 | 0 | 999 | 999",
      "percent | 3 | 0 | 0 | 25% | 25",
      "percent | 5 | 2 | 0 | 12.34% | 12.34",
      "double | 2 | 2 | 0 | .99 | 0.99",
      "double | 0 | 0 | 0 | 123456789012345678.123456 | 123456789012345678.123456",
      "int | 0 | 0 | 9 | 999999999 | 999999999",
      "int | 0 | 0 | 9 | -999999999 | -999999999",
      "int | 0 | 0 | 0 | 2147483647 | 2147483647"})
  void aNumberThatFitsIsSentAsGiven(String type, int precision, int scale, int digits, String raw, String sent) {
    FieldValues.Converted converted = FieldValues.convert("Opportunity", number(type, precision, scale, digits), raw);

    assertThat(converted.json()).containsInstanceOf(BigDecimal.class);
    assertThat(((BigDecimal) converted.json().orElseThrow()).toPlainString()).isEqualTo(sent);
    assertThat(converted.text()).contains(sent);
  }
}
