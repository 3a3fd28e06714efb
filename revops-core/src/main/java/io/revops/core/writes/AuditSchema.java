package io.revops.core.writes;

import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.SObjectDescribe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The audit object as this org has it, checked against what the write policy needs: the seven
 * required fields (present, createable, of a text type), and whether the optional {@code Failed__c}
 * checkbox and {@code Error__c} text field exist for recording failed attempts.
 */
final class AuditSchema {
  static final String OBJECT_NAME = "Object_Name__c";
  static final String RECORD_ID = "Record_Id__c";
  static final String FIELD_NAME = "Field_Name__c";
  static final String OLD_VALUE = "Old_Value__c";
  static final String NEW_VALUE = "New_Value__c";
  static final String JUSTIFICATION = "Justification__c";
  static final String PERFORMED_BY = "Performed_By__c";
  static final String FAILED = "Failed__c";
  static final String ERROR = "Error__c";

  private static final Set<String> TEXT_TYPES = Set.of("string", "textarea");

  /** A field the policy uses, and how an administrator creates it. */
  private record Spec(String name, boolean checkbox, String howToCreate) {}

  private static final List<Spec> REQUIRED = List.of(
      new Spec(OBJECT_NAME, false, "Text(80)"),
      new Spec(RECORD_ID, false, "Text(18)"),
      new Spec(FIELD_NAME, false, "Text(80)"),
      new Spec(OLD_VALUE, false, "Long Text Area(131072)"),
      new Spec(NEW_VALUE, false, "Long Text Area(131072)"),
      new Spec(JUSTIFICATION, false, "Long Text Area(32768)"),
      new Spec(PERFORMED_BY, false, "Text(255)"));
  private static final List<Spec> OPTIONAL = List.of(
      new Spec(FAILED, true, "Checkbox, default unchecked"),
      new Spec(ERROR, false, "Long Text Area(32768)"));

  private final String objectName;
  private final Map<String, FieldDescribe> fields;

  private AuditSchema(String objectName, Map<String, FieldDescribe> fields) {
    this.objectName = objectName;
    this.fields = Map.copyOf(fields);
  }

  /** Checks the describe of the audit object; throws {@link AuditSetupException} listing every problem. */
  static AuditSchema verify(String objectName, SObjectDescribe describe) {
    List<String> problems = new ArrayList<>();
    if (!describe.createable()) {
      problems.add("the API user may not create " + objectName + " records (grant Create on the object)");
    }
    Map<String, FieldDescribe> found = new LinkedHashMap<>();
    for (Spec spec : REQUIRED) {
      Optional<FieldDescribe> field = describe.field(spec.name());
      if (field.isEmpty()) {
        problems.add(spec.name() + " is missing (or hidden from the API user by field-level security)");
        continue;
      }
      checkField(spec, field.get(), problems);
      found.put(spec.name(), field.get());
    }
    for (Spec spec : OPTIONAL) {
      describe.field(spec.name()).ifPresent(field -> {
        checkField(spec, field, problems);
        found.put(spec.name(), field);
      });
    }
    if (!problems.isEmpty()) {
      throw new AuditSetupException(objectName, problems, "The audit object " + objectName
          + " is not ready, so no field was changed: " + String.join("; ", problems) + ". " + howToFix(objectName));
    }
    return new AuditSchema(objectName, found);
  }

  /** The exception for an org that has no audit object of this name (or hides it from the API user). */
  static AuditSetupException missingObject(String objectName) {
    return new AuditSetupException(objectName, List.of(objectName + " does not exist"), "The audit object "
        + objectName + " does not exist in this org, or the API user cannot see it, so no field was changed."
        + " Every field change must be recorded there first. " + howToFix(objectName)
        + " Or point the server at the org's existing audit object (SFDC_AUDIT_OBJECT).");
  }

  private static void checkField(Spec spec, FieldDescribe field, List<String> problems) {
    if (spec.checkbox() && !field.type().equals("boolean")) {
      problems.add(spec.name() + " is a " + field.type() + " field but must be a Checkbox");
      return;
    }
    if (!spec.checkbox() && !TEXT_TYPES.contains(field.type())) {
      problems.add(spec.name() + " is a " + field.type() + " field but must be " + spec.howToCreate());
      return;
    }
    if (spec.name().equals(RECORD_ID) && field.length() > 0 && field.length() < 18) {
      problems.add(RECORD_ID + " holds only " + field.length() + " characters but must hold 18");
    }
    if (!field.createable()) {
      problems.add(spec.name() + " is not writable by the API user (grant Edit in field-level security)");
    }
  }

  private static String howToFix(String objectName) {
    String required = REQUIRED.stream().map(s -> s.name() + " " + s.howToCreate()).collect(Collectors.joining(", "));
    String optional = OPTIONAL.stream().map(s -> s.name() + " " + s.howToCreate()).collect(Collectors.joining(" and "));
    return "An administrator can fix this in Setup > Object Manager: the custom object " + objectName
        + " needs the fields " + required + ", with read and create access for the API user."
        + " Optional, to keep a record of failed attempts: " + optional + ".";
  }

  String objectName() {
    return objectName;
  }

  /** True when the object has {@code Failed__c}, so a failed attempt can be recorded. */
  boolean recordsFailures() {
    return fields.containsKey(FAILED);
  }

  /** True when the object has {@code Error__c} for the error text of a failed attempt. */
  boolean recordsErrors() {
    return fields.containsKey(ERROR);
  }

  /** How many characters the field holds; 0 when describe gave no length. */
  int maxLength(String field) {
    FieldDescribe f = fields.get(field);
    return f == null ? 0 : f.length();
  }
}
