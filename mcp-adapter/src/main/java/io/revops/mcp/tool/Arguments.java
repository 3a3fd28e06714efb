package io.revops.mcp.tool;

import io.revops.core.RevOpsArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tool call's arguments, read by name (as the tool's input schema spells them, {@code snake_case}).
 * Every getter fails with a {@link RevOpsArgumentException} naming the argument and the fix, so a
 * bad call never reaches a service. Blank strings count as absent for optional arguments, because
 * clients often send {@code ""} for fields the user left empty.
 */
public final class Arguments {
  private final Map<String, Object> values;

  /** Wraps the arguments of one call; null means none were sent. */
  public Arguments(Map<String, Object> values) {
    this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
  }

  /** An optional string; blank counts as absent. */
  public Optional<String> string(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new RevOpsArgumentException(name, "is " + describe(value) + ", not a string", "Pass a JSON string");
    }
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /** A string the call must give, not blank. */
  public String requiredString(String name) {
    return string(name).orElseThrow(() -> new RevOpsArgumentException(name, "is missing or blank",
        "Pass " + name + "; the tool's input schema describes it"));
  }

  /** An optional whole number in {@code [min, max]}. */
  public Optional<Integer> integer(String name, int min, int max) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    long number = wholeNumber(name, value);
    if (number < min || number > max) {
      throw new RevOpsArgumentException(name, number + " is out of range",
          "Pass a whole number from " + min + " to " + max);
    }
    return Optional.of((int) number);
  }

  /** An optional boolean. */
  public Optional<Boolean> bool(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean flag) {
      return Optional.of(flag);
    }
    throw new RevOpsArgumentException(name, "is " + describe(value) + ", not a boolean", "Pass true or false");
  }

  /** A list of strings the call must give, with {@code min} to {@code max} entries. */
  public List<String> requiredStrings(String name, int min, int max) {
    Object value = values.get(name);
    if (!(value instanceof List<?> list)) {
      throw new RevOpsArgumentException(name, value == null ? "is missing" : "is " + describe(value) + ", not a list",
          "Pass a JSON array of strings");
    }
    if (list.size() < min || list.size() > max) {
      throw new RevOpsArgumentException(name, "has " + list.size() + " entries",
          "Pass from " + min + " to " + max + " entries");
    }
    List<String> strings = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String text)) {
        throw new RevOpsArgumentException(name, "contains " + describe(item) + ", not a string",
            "Pass a JSON array of strings");
      }
      strings.add(text);
    }
    return List.copyOf(strings);
  }

  /** The argument names the call sent. */
  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  private static long wholeNumber(String name, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 63) {
      return big.longValue();
    }
    if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString());
      if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
        try {
          return decimal.longValueExact();
        } catch (ArithmeticException e) {
          // falls through to the error below
        }
      }
    }
    throw new RevOpsArgumentException(name, "is " + describe(value) + ", not a whole number",
        "Pass a whole number such as 30");
  }

  private static String describe(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Number number) {
      return "the number " + number;
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Map) {
      return "an object";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
