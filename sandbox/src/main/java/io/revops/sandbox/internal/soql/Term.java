package io.revops.sandbox.internal.soql;

import io.revops.sandbox.internal.salesforce.FieldSchema;
import io.revops.sandbox.internal.salesforce.FieldType;
import java.util.function.Function;

/**
 * Something with a value per {@code T} (a record, or a group of records in HAVING and aggregate ORDER
 * BY), and the type literals compared with it must have.
 *
 * @param label the field name used in error messages
 * @param field the field the value comes from, for picklist order; null for computed values
 */
record Term<T>(String label, FieldType type, FieldSchema field, Function<T, Object> value) {}
