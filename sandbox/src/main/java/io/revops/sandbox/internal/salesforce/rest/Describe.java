package io.revops.sandbox.internal.salesforce.rest;

import io.revops.sandbox.internal.salesforce.FieldSchema;
import io.revops.sandbox.internal.salesforce.FieldType;
import io.revops.sandbox.internal.salesforce.ObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code GET /sobjects/{type}/describe} from the schema. */
final class Describe {
  private Describe() {}

  static Map<String, Object> render(ObjectSchema object, String apiVersion) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", object.name());
    out.put("label", object.label());
    out.put("labelPlural", object.labelPlural());
    out.put("keyPrefix", object.keyPrefix());
    out.put("custom", object.custom());
    out.put("createable", object.createable());
    out.put("updateable", object.updateable());
    out.put("deletable", false);
    out.put("queryable", true);
    out.put("retrieveable", true);
    out.put("searchable", false);
    List<Object> children = new ArrayList<>();
    for (ObjectSchema.ChildRelationship child : object.childRelationships()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("cascadeDelete", false);
      c.put("childSObject", child.childSObject());
      c.put("deprecatedAndHidden", false);
      c.put("field", child.field());
      c.put("relationshipName", child.relationshipName());
      c.put("restrictedDelete", false);
      children.add(c);
    }
    out.put("childRelationships", children);
    List<Object> fields = new ArrayList<>();
    object.fields().forEach(f -> fields.add(field(object, f)));
    out.put("fields", fields);
    String base = "/services/data/" + apiVersion + "/sobjects/" + object.name();
    Map<String, Object> urls = new LinkedHashMap<>();
    urls.put("sobject", base);
    urls.put("describe", base + "/describe");
    urls.put("rowTemplate", base + "/{ID}");
    out.put("urls", urls);
    return out;
  }

  private static Map<String, Object> field(ObjectSchema object, FieldSchema f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", f.name());
    out.put("label", f.label());
    out.put("type", f.type().wireName());
    out.put("length", f.type().isText() ? f.length() : 0);
    out.put("precision", switch (f.type()) {
      case CURRENCY, DOUBLE -> 18;
      case PERCENT -> 3;
      default -> 0;
    });
    out.put("scale", f.type() == FieldType.CURRENCY || f.type() == FieldType.DOUBLE ? 2 : 0);
    out.put("digits", f.type() == FieldType.INT ? 9 : 0);
    out.put("custom", f.custom());
    out.put("createable", f.createable());
    out.put("updateable", f.updateable());
    out.put("nillable", f.nillable());
    out.put("calculated", f.calculated());
    out.put("autoNumber", object.custom() && f.name().equals("Name"));
    out.put("defaultedOnCreate", f.type() == FieldType.BOOLEAN || f.defaultPicklistValue().isPresent()
        || List.of("Id", "OwnerId", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById",
            "SystemModstamp")
            .contains(f.name()));
    out.put("filterable", f.filterable());
    out.put("sortable", f.sortable());
    out.put("groupable", f.groupable());
    out.put("idLookup", f.type() == FieldType.ID);
    out.put("nameField", f.name().equals("Name"));
    out.put("referenceTo", new ArrayList<>(f.referenceTo()));
    out.put("relationshipName", f.relationshipName().orElse(null));
    out.put("restrictedPicklist", f.restrictedPicklist());
    List<Object> picklist = new ArrayList<>();
    for (String value : f.picklistValues()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("active", true);
      p.put("defaultValue", f.defaultPicklistValue().map(value::equals).orElse(false));
      p.put("label", value);
      p.put("validFor", null);
      p.put("value", value);
      picklist.add(p);
    }
    out.put("picklistValues", picklist);
    out.put("defaultValue", null);
    return out;
  }
}
