package io.revops.core.records;

import io.revops.core.CrmObject;
import io.revops.salesforce.SalesforceId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One CRM record with every field the API user can read that holds a value: no nulls, no
 * Salesforce {@code attributes}, in Salesforce's order (parent relationships, if any, as nested maps).
 *
 * @param object the record's object type
 * @param id the record id, 18-character form
 * @param fields the populated fields by API name, plain values (String, BigDecimal, Boolean, Map, List)
 * @param owner the owning user's name and email; read for opportunities, absent for other objects or
 *     when the owner is not visible to the API user
 */
public record CrmRecord(CrmObject object, SalesforceId id, Map<String, Object> fields, Optional<RecordOwner> owner) {

  public CrmRecord {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fields, "fields");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    Objects.requireNonNull(owner, "owner");
  }
}
