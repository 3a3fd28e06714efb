package io.revops.mcp.tool;

import io.revops.core.plan.DryRunPlan;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One prepared tool call: the core operation to run, its dry-run twin that returns the request plan
 * instead, and the renderer for the operation's result. Nothing runs until {@link ToolRunner} picks one.
 *
 * @param <R> the core operation's result type
 */
public final class Invocation<R> {
  private final Supplier<R> run;
  private final Supplier<DryRunPlan> plan;
  private final Function<? super R, ToolOutput> render;

  private Invocation(Supplier<R> run, Supplier<DryRunPlan> plan, Function<? super R, ToolOutput> render) {
    this.run = Objects.requireNonNull(run, "run");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.render = Objects.requireNonNull(render, "render");
  }

  /** A call that runs {@code run} and renders its result with {@code render}, or plans with {@code plan}. */
  public static <R> Invocation<R> of(
      Supplier<R> run, Supplier<DryRunPlan> plan, Function<? super R, ToolOutput> render) {
    return new Invocation<>(run, plan, render);
  }

  /** Runs the operation and renders its result. */
  public ToolOutput execute() {
    return render.apply(run.get());
  }

  /** The request plan, with nothing sent. */
  public DryRunPlan plan() {
    return plan.get();
  }
}
