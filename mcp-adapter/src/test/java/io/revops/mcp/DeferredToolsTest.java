package io.revops.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Arguments;
import io.revops.mcp.tool.CallContext;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolFailureException;
import io.revops.mcp.tool.ToolHandler;
import io.revops.mcp.tool.ToolOutput;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeferredToolsTest {
  private static final Arguments NO_ARGUMENTS = new Arguments(Map.of());
  private static final ToolHandler NEVER = (arguments, context) -> {
    throw new AssertionError("the listed tool's own handler ran");
  };

  @Test
  void listsTheToolsAsTheyAreAndCallsTheSameNamedRealOnes() {
    Invocation<String> answer = Invocation.of(() -> "real", () -> null, r -> new ToolOutput(Map.of("r", r), r));
    CompletableFuture<List<ToolDefinition>> real = new CompletableFuture<>();
    List<ToolDefinition> listed = List.of(tool("first", NEVER), tool("second", NEVER));

    List<ToolDefinition> deferred = DeferredTools.of(listed, real, "the test backend");
    real.complete(List.of(tool("first", (a, c) -> { throw new AssertionError("wrong tool"); }),
        tool("second", (a, c) -> answer)));

    assertThat(deferred).extracting(ToolDefinition::name).containsExactly("first", "second");
    assertThat(deferred.get(1).description()).isEqualTo(listed.get(1).description());
    assertThat(deferred.get(1).handler().prepare(NO_ARGUMENTS, CallContext.none())).isSameAs(answer);
  }

  @Test
  void aBackendThatCouldNotStartFailsEachCallSayingWhatToDo() {
    List<ToolDefinition> deferred = DeferredTools.of(List.of(tool("first", NEVER)),
        CompletableFuture.failedFuture(new UncheckedIOException("no loopback port", new java.io.IOException())),
        "the test backend");

    assertThatThrownBy(() -> deferred.get(0).handler().prepare(NO_ARGUMENTS, CallContext.none()))
        .isInstanceOf(ToolFailureException.class)
        .hasMessageContaining("the test backend, could not start (no loopback port)")
        .hasMessageContaining("Restart the server");
  }

  @Test
  void aBackendWithOtherToolsIsRefused() {
    List<ToolDefinition> deferred = DeferredTools.of(List.of(tool("first", NEVER)),
        CompletableFuture.completedFuture(List.of(tool("other", NEVER))), "the test backend");

    assertThatThrownBy(() -> deferred.get(0).handler().prepare(NO_ARGUMENTS, CallContext.none()))
        .isInstanceOf(ToolFailureException.class)
        .hasMessageContaining("[other] differ from the listed ones");
  }

  private static ToolDefinition tool(String name, ToolHandler handler) {
    return ToolDefinition.builder(name)
        .title("Tool " + name)
        .description("Answers " + name + ".")
        .output(Schema.result(null).required("r", Schema.string("The answer.")))
        .access(Access.READ)
        .handler(handler)
        .build();
  }
}
