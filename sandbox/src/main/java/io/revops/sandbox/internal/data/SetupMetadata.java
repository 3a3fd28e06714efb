package io.revops.sandbox.internal.data;

import io.revops.sandbox.internal.salesforce.FieldSchema;
import io.revops.sandbox.internal.salesforce.ObjectSchema;
import io.revops.sandbox.internal.salesforce.Schema;
import io.revops.sandbox.internal.salesforce.Store;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The setup metadata rows that describe the schema itself: one {@code EntityDefinition} per object and
 * one {@code FieldDefinition} per field, with {@code IsFieldHistoryTracked} on for the Opportunity fields
 * whose changes the sample org records in OpportunityFieldHistory. Derived from the schema alone, so it
 * uses no randomness and cannot shift the rest of the seeded data.
 */
final class SetupMetadata {
  private SetupMetadata() {}

  static void seed(Schema schema, Store store) {
    ObjectSchema entityDefinition = schema.object("EntityDefinition").orElseThrow();
    ObjectSchema fieldDefinition = schema.object("FieldDefinition").orElseThrow();
    for (ObjectSchema object : schema.objects()) {
      if (Schema.SETUP_METADATA.contains(object.name())) {
        continue;
      }
      Map<String, Object> entity = new LinkedHashMap<>();
      entity.put("Id", object.name());
      entity.put("DurableId", object.name());
      entity.put("QualifiedApiName", object.name());
      entity.put("Label", object.label());
      entity.put("PluralLabel", object.labelPlural());
      entity.put("KeyPrefix", object.keyPrefix());
      store.insert(entityDefinition, entity);
      for (FieldSchema field : object.fields()) {
        String durableId = object.name() + "." + field.name();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Id", durableId);
        row.put("DurableId", durableId);
        row.put("QualifiedApiName", field.name());
        row.put("EntityDefinitionId", object.name());
        row.put("Label", field.label());
        row.put("DataType", dataType(field));
        row.put("IsFieldHistoryTracked", object.name().equals("Opportunity")
            && Schema.OPPORTUNITY_HISTORY_TRACKED.contains(field.name()));
        store.insert(fieldDefinition, row);
      }
    }
  }

  /** The type as Setup shows it, e.g. {@code Picklist}, {@code Text(120)}, {@code Lookup(Account)}. */
  private static String dataType(FieldSchema field) {
    return switch (field.type()) {
      case ID -> "Lookup()";
      case REFERENCE -> "Lookup(" + String.join(",", field.referenceTo()) + ")";
      case STRING -> "Text(" + field.length() + ")";
      case TEXTAREA -> field.length() > 255 ? "Long Text Area(" + field.length() + ")" : "Text Area(255)";
      case PICKLIST -> "Picklist";
      case EMAIL -> "Email";
      case PHONE -> "Phone";
      case URL -> "URL(255)";
      case BOOLEAN -> "Checkbox";
      case CURRENCY -> "Currency(16, 2)";
      case DOUBLE -> "Number(16, 2)";
      case PERCENT -> "Percent(3, 0)";
      case INT -> "Number(9, 0)";
      case DATE -> "Date";
      case DATETIME -> "Date/Time";
      case BASE64 -> "Content";
      case ANYTYPE -> "Any";
    };
  }
}
