package io.revops.core.forecast;

import io.revops.clari.CancellationToken;
import io.revops.clari.ExportProgress;
import io.revops.clari.ExportProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A time-limited cache in front of a slow, quota-spending load, with single flight: while a load for a
 * key runs, identical requests wait for it instead of starting another.
 *
 * <p>Why the load runs on its own thread rather than the first caller's: any caller may cancel, and
 * the load must outlive a caller that leaves while others still wait. Each caller waits on the shared
 * result in short slices, checking its own cancellation token in between (tokens can only be polled),
 * so a cancelling caller returns within {@link #WAIT_SLICE}. Progress is fanned out to every caller
 * still waiting; a caller that joins late first receives the latest report. When the last caller leaves,
 * the flight is abandoned: it is removed (a new identical request starts afresh) and its token is
 * cancelled, which makes the Clari client cancel the export job at its next check. A result that arrives
 * anyway is still cached. Failures are not cached.
 */
final class ExportFlights<K, V> {
  /** How often a waiting caller checks its cancellation token. */
  static final Duration WAIT_SLICE = Duration.ofMillis(50);
  private static final Logger LOG = Logger.getLogger(ExportFlights.class.getName());

  /** The shared load: reports progress to {@code progress}, stops when {@code cancellation} is cancelled. */
  @FunctionalInterface
  interface Loader<V> {
    V load(ExportProgressListener progress, CancellationToken cancellation);
  }

  private final Duration ttl;
  private final Clock clock;
  private final Executor executor;
  private final Object lock = new Object();
  private final Map<K, Cached<V>> cache = new HashMap<>();
  private final Map<K, Flight> flights = new HashMap<>();
  private volatile Runnable joinHook = () -> { };

  ExportFlights(Duration ttl, Clock clock, Executor executor) {
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Test hook: runs on a caller's thread right after it joined a load already under way. */
  void onJoin(Runnable hook) {
    this.joinHook = Objects.requireNonNull(hook, "hook");
  }

  /** The cached value for {@code key}, else the result of the running or a new load. */
  V get(K key, ForecastCallOptions call, Loader<V> loader) {
    if (call.cancellation().isCancelled()) {
      throw ForecastWaitCancelledException.beforeStart();
    }
    Flight flight;
    Waiter waiter = new Waiter(call);
    boolean joined;
    Optional<ExportProgress> missed;
    synchronized (lock) {
      Optional<V> cached = fresh(key);
      if (cached.isPresent()) {
        return cached.get();
      }
      flight = flights.get(key);
      joined = flight != null;
      if (!joined) {
        flight = new Flight(key);
        flights.put(key, flight);
      }
      flight.waiters.add(waiter);
      missed = Optional.ofNullable(flight.lastProgress);
    }
    if (joined) {
      missed.ifPresent(progress -> deliver(waiter, progress));
      joinHook.run();
    } else {
      Flight started = flight;
      executor.execute(() -> run(started, loader));
    }
    return await(flight, waiter);
  }

  private Optional<V> fresh(K key) {
    Cached<V> cached = cache.get(key);
    if (cached == null) {
      return Optional.empty();
    }
    if (clock.instant().isBefore(cached.expiresAt)) {
      return Optional.of(cached.value);
    }
    cache.remove(key);
    return Optional.empty();
  }

  private void run(Flight flight, Loader<V> loader) {
    V value;
    try {
      value = loader.load(progress -> broadcast(flight, progress), flight.cancellation);
    } catch (Throwable failure) {
      synchronized (lock) {
        flights.remove(flight.key, flight);
      }
      flight.result.completeExceptionally(failure);
      return;
    }
    synchronized (lock) {
      if (!ttl.isZero()) {
        Instant now = clock.instant();
        cache.values().removeIf(c -> !now.isBefore(c.expiresAt));
        cache.put(flight.key, new Cached<>(value, now.plus(ttl)));
      }
      flights.remove(flight.key, flight);
    }
    flight.result.complete(value);
  }

  private void broadcast(Flight flight, ExportProgress progress) {
    List<Waiter> waiters;
    synchronized (lock) {
      flight.lastProgress = progress;
      waiters = List.copyOf(flight.waiters);
    }
    waiters.forEach(waiter -> deliver(waiter, progress));
  }

  private static void deliver(Waiter waiter, ExportProgress progress) {
    try {
      waiter.call.listener().onProgress(progress);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A forecast progress listener failed; the export continues", e);
    }
  }

  private V await(Flight flight, Waiter waiter) {
    while (true) {
      try {
        return flight.result.get(WAIT_SLICE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        if (waiter.call.cancellation().isCancelled() && !flight.result.isDone()) {
          throw leave(flight, waiter);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw leave(flight, waiter);
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      }
    }
  }

  private ForecastWaitCancelledException leave(Flight flight, Waiter waiter) {
    int others;
    boolean abandoned;
    synchronized (lock) {
      flight.waiters.remove(waiter);
      others = flight.waiters.size();
      abandoned = others == 0 && !flight.result.isDone();
      if (abandoned) {
        flights.remove(flight.key, flight);
      }
    }
    if (abandoned) {
      flight.cancellation.cancel();
      return ForecastWaitCancelledException.lastWaiter();
    }
    return ForecastWaitCancelledException.othersWaiting(others);
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("The forecast load failed: " + cause, cause);
  }

  private record Cached<V>(V value, Instant expiresAt) {
  }

  private static final class Waiter {
    final ForecastCallOptions call;

    Waiter(ForecastCallOptions call) {
      this.call = call;
    }
  }

  private final class Flight {
    final K key;
    final CancellationToken cancellation = new CancellationToken();
    final CompletableFuture<V> result = new CompletableFuture<>();
    final List<Waiter> waiters = new ArrayList<>();
    ExportProgress lastProgress;

    Flight(K key) {
      this.key = key;
    }
  }
}
