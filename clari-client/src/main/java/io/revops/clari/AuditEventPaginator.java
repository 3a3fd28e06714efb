package io.revops.clari;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pages of an audit query, fetched lazily (one request per page) while iterating; follows
 * {@code nextLink} on Clari's host only. Each iteration starts again from the first page.
 */
public final class AuditEventPaginator implements Iterable<AuditEventPage> {
  private final Supplier<AuditEventPage> first;
  private final Function<AuditEventPage, Optional<AuditEventPage>> next;

  AuditEventPaginator(Supplier<AuditEventPage> first, Function<AuditEventPage, Optional<AuditEventPage>> next) {
    this.first = first;
    this.next = next;
  }

  /** The events of at most {@code maxPages} pages, in Clari's order. */
  public List<AuditEvent> events(int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
    }
    List<AuditEvent> events = new ArrayList<>();
    int pages = 0;
    for (AuditEventPage page : this) {
      events.addAll(page.events());
      if (++pages >= maxPages) {
        break;
      }
    }
    return List.copyOf(events);
  }

  @Override
  public Iterator<AuditEventPage> iterator() {
    return new Iterator<>() {
      private Optional<AuditEventPage> upcoming;
      private AuditEventPage current;

      @Override
      public boolean hasNext() {
        if (upcoming == null) {
          upcoming = current == null ? Optional.of(first.get()) : next.apply(current);
        }
        return upcoming.isPresent();
      }

      @Override
      public AuditEventPage next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more audit pages");
        }
        current = upcoming.get();
        upcoming = null;
        return current;
      }
    };
  }
}
