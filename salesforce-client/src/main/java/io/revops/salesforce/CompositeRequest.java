package io.revops.salesforce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code POST /composite} call: up to 25 subrequests that count as one API call. With
 * {@code allOrNone} one failure rolls back every subrequest (the others then report
 * {@code PROCESSING_HALTED}); without it only subrequests that depend on a failed one are skipped.
 */
public record CompositeRequest(boolean allOrNone, List<CompositeSubrequest> subrequests) {
  /** Salesforce's limit on subrequests per composite call. */
  public static final int MAX_SUBREQUESTS = 25;

  public CompositeRequest {
    subrequests = List.copyOf(subrequests);
    if (subrequests.isEmpty() || subrequests.size() > MAX_SUBREQUESTS) {
      throw new IllegalArgumentException("subrequests has " + subrequests.size()
          + " entries: a composite call takes 1 to 25; split larger batches into several calls");
    }
    Set<String> seen = new HashSet<>();
    for (CompositeSubrequest s : subrequests) {
      if (!seen.add(s.referenceId())) {
        throw new IllegalArgumentException("referenceId '" + s.referenceId()
            + "' is used twice: give every subrequest its own referenceId");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects subrequests in order. */
  public static final class Builder {
    private boolean allOrNone;
    private final List<CompositeSubrequest> subrequests = new ArrayList<>();

    private Builder() {}

    /** Roll back everything when any subrequest fails (default false, as in Salesforce). */
    public Builder allOrNone(boolean allOrNone) {
      this.allOrNone = allOrNone;
      return this;
    }

    public Builder add(CompositeSubrequest subrequest) {
      subrequests.add(Objects.requireNonNull(subrequest, "subrequest"));
      return this;
    }

    public CompositeRequest build() {
      return new CompositeRequest(allOrNone, subrequests);
    }
  }
}
