package io.revops.core.writes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allow-list {@link AuditedWriter#updateField} applies on top of Salesforce's own rules: either
 * any field the API user may update, or only the listed {@code Object.Field} entries (such as
 * {@code Opportunity.NextStep}). Names compare case-insensitively, as Salesforce's API names do.
 * Immutable.
 */
public final class WritableFields {
  private static final Pattern ENTRY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\.([A-Za-z][A-Za-z0-9_]*)");
  private static final WritableFields ANY = new WritableFields(List.of());

  private final List<String> listed;
  private final Set<String> keys;

  private WritableFields(List<String> listed) {
    this.listed = List.copyOf(listed);
    Set<String> lowered = new LinkedHashSet<>();
    listed.forEach(entry -> lowered.add(entry.toLowerCase(Locale.ROOT)));
    this.keys = Set.copyOf(lowered);
  }

  /** No allow-list: any field that describe reports as updateable and not calculated may be changed. */
  public static WritableFields anyUpdateable() {
    return ANY;
  }

  /**
   * Only these fields, each written {@code Object.Field}; surrounding blanks are ignored.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code Object.Field}, or when the
   *     collection is empty (use {@link #anyUpdateable()} for no allow-list)
   */
  public static WritableFields only(Collection<String> objectDotFields) {
    Objects.requireNonNull(objectDotFields, "objectDotFields");
    if (objectDotFields.isEmpty()) {
      throw new IllegalArgumentException("objectDotFields is empty, which would allow no field at all:"
          + " list fields such as Opportunity.NextStep, or use WritableFields.anyUpdateable() for no allow-list");
    }
    List<String> entries = new ArrayList<>();
    for (String raw : objectDotFields) {
      String entry = raw == null ? "" : raw.strip();
      Matcher m = ENTRY.matcher(entry);
      if (!m.matches()) {
        throw new IllegalArgumentException("objectDotFields entry '" + entry + "' is not Object.Field:"
            + " write API names such as Opportunity.NextStep or Account.Rating__c");
      }
      entries.add(entry);
    }
    return new WritableFields(entries);
  }

  /** True when {@code objectApiName.fieldApiName} may be changed (ignoring case). */
  public boolean allows(String objectApiName, String fieldApiName) {
    return keys.isEmpty() || keys.contains((objectApiName + "." + fieldApiName).toLowerCase(Locale.ROOT));
  }

  /** True when an allow-list is in force. */
  public boolean restricted() {
    return !keys.isEmpty();
  }

  /** The allowed entries as given, in order; empty for {@link #anyUpdateable()}. */
  public List<String> listed() {
    return listed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WritableFields other && other.keys.equals(keys);
  }

  @Override
  public int hashCode() {
    return keys.hashCode();
  }

  @Override
  public String toString() {
    return restricted() ? "WritableFields" + listed : "WritableFields[any updateable field]";
  }
}
