package io.revops.sandbox.internal.salesforce;

import io.revops.salesforce.SalesforceId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org's records: per object, records by 18-character id in insertion order, each a map from
 * canonical field name to held value (every field of the object present, null when empty).
 *
 * <p>Not thread-safe by itself: callers hold the store's monitor ({@code synchronized (store)}) around
 * each request, so a request sees and changes a consistent org. Writes inside {@link #begin()} ...
 * {@link #rollback()} are undone in reverse order, which is how composite {@code allOrNone} works.
 */
public final class Store {
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final Schema schema;
  private final Map<String, LinkedHashMap<String, Map<String, Object>>> records = new HashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private Deque<Runnable> undo;

  public Store(Schema schema) {
    this.schema = schema;
  }

  public Schema schema() {
    return schema;
  }

  /** A new 18-character id for {@code object}: its key prefix, {@code Sb}, and a counter. */
  public String newId(ObjectSchema object) {
    int n = counters.merge(object.keyPrefix(), 1, Integer::sum);
    StringBuilder digits = new StringBuilder();
    for (int v = n; v > 0; v /= 62) {
      digits.insert(0, BASE62.charAt(v % 62));
    }
    String body = "0".repeat(10 - digits.length()) + digits;
    return SalesforceId.of(object.keyPrefix() + "Sb" + body).to18();
  }

  /** Adds a record; missing fields are stored as null. Returns the stored map. */
  public Map<String, Object> insert(ObjectSchema object, Map<String, Object> values) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (FieldSchema f : object.fields()) {
      row.put(f.name(), values.get(f.name()));
    }
    String id = (String) row.get("Id");
    table(object.name()).put(id, row);
    if (undo != null) {
      undo.push(() -> table(object.name()).remove(id));
    }
    return row;
  }

  /** Removes the record {@code id18} of {@code objectName}, if stored. */
  public void delete(String objectName, String id18) {
    Map<String, Object> removed = table(objectName).remove(id18);
    if (removed != null && undo != null) {
      undo.push(() -> table(objectName).put(id18, removed));
    }
  }

  /** Sets one field of a stored record. */
  public void set(Map<String, Object> row, String field, Object value) {
    Object previous = row.put(field, value);
    if (undo != null) {
      undo.push(() -> row.put(field, previous));
    }
  }

  public Optional<Map<String, Object>> get(String objectName, String id18) {
    return Optional.ofNullable(table(objectName).get(id18));
  }

  /** The record with this id among the objects a reference field may point to. */
  public Optional<Map<String, Object>> find(List<String> objectNames, String id18) {
    for (String name : objectNames) {
      Map<String, Object> row = table(name).get(id18);
      if (row != null) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }

  /** The type of the record {@code id18} among {@code objectNames}, if it exists. */
  public Optional<ObjectSchema> typeOf(List<String> objectNames, String id18) {
    for (String name : objectNames) {
      if (table(name).containsKey(id18)) {
        return schema.object(name);
      }
    }
    return Optional.empty();
  }

  /** The live records of {@code objectName} in insertion order; callers must not change the list. */
  public Rows all(String objectName) {
    return new Rows(Collections.unmodifiableCollection(table(objectName).values()));
  }

  /** A read-only view of one object's records. */
  public record Rows(Collection<Map<String, Object>> rows) implements Iterable<Map<String, Object>> {
    @Override
    public Iterator<Map<String, Object>> iterator() {
      return rows.iterator();
    }

    public List<Map<String, Object>> toList() {
      return new ArrayList<>(rows);
    }

    public int size() {
      return rows.size();
    }
  }

  /** Starts recording undo steps; transactions do not nest. */
  public void begin() {
    if (undo != null) {
      throw new IllegalStateException("a transaction is already open");
    }
    undo = new ArrayDeque<>();
  }

  public void commit() {
    undo = null;
  }

  /** Undoes every write since {@link #begin()}. */
  public void rollback() {
    Deque<Runnable> steps = undo;
    undo = null;
    if (steps != null) {
      steps.forEach(Runnable::run);
    }
  }

  private LinkedHashMap<String, Map<String, Object>> table(String objectName) {
    String canonical = schema.object(objectName).map(ObjectSchema::name).orElse(objectName);
    return records.computeIfAbsent(canonical, k -> new LinkedHashMap<>());
  }
}
