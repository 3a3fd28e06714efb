package io.revops.mcp.stdio;

import io.revops.mcp.tool.RequestCancellation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tool calls in flight, by JSON-RPC request id, and whether the client cancelled them. The MCP
 * SDK does not handle {@code notifications/cancelled} yet, so {@link CancellingStdin} feeds this
 * registry from the raw input: it registers each {@code tools/call} and cancels on the notification;
 * the handler of the call looks its cancellation up and releases it when done. Thread-safe. At most
 * {@value #MAX_IN_FLIGHT} calls are tracked; beyond that the oldest are forgotten (never cancelled).
 */
public final class CancellationRegistry {
  /** The id key {@link CancellingStdin} adds to a {@code tools/call}'s {@code _meta}. */
  public static final String META_KEY = "revops/jsonrpcId";
  static final int MAX_IN_FLIGHT = 1_000;
  private static final Logger LOG = Logger.getLogger(CancellationRegistry.class.getName());

  private final Map<String, Call> inFlight = new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Call> eldest) {
      return size() > MAX_IN_FLIGHT;
    }
  };

  /** Starts tracking the call with this request id key. */
  public synchronized void register(String key) {
    inFlight.put(key, new Call());
  }

  /** Marks the call cancelled and runs its listeners; unknown (finished) calls are ignored. */
  public void cancel(String key) {
    Call call;
    synchronized (this) {
      call = inFlight.get(key);
    }
    if (call != null) {
      call.cancel();
    }
  }

  /** The cancellation of the call with this key, or {@link RequestCancellation#NEVER} when it is not tracked. */
  public synchronized RequestCancellation lookup(String key) {
    Call call = key == null ? null : inFlight.get(key);
    return call == null ? RequestCancellation.NEVER : call;
  }

  /** Stops tracking a finished call. */
  public synchronized void release(String key) {
    if (key != null) {
      inFlight.remove(key);
    }
  }

  synchronized int size() {
    return inFlight.size();
  }

  private static final class Call implements RequestCancellation {
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean cancelled;

    @Override
    public synchronized boolean isCancelled() {
      return cancelled;
    }

    @Override
    public void onCancel(Runnable listener) {
      synchronized (this) {
        if (!cancelled) {
          listeners.add(listener);
          return;
        }
      }
      run(listener);
    }

    void cancel() {
      List<Runnable> toRun;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        toRun = List.copyOf(listeners);
        listeners.clear();
      }
      toRun.forEach(Call::run);
    }

    private static void run(Runnable listener) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A cancellation listener failed", e);
      }
    }
  }
}
