package dev.parley.it;

import com.sun.net.httpserver.HttpServer;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.plugins.RegisteredProvider;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code openai} provider loaded from the llm-langchain4j zip by the runtime's own loader streams from a local
 * OpenAI-compatible server: LangChain4j, its HTTP client and Jackson all run inside the plugin's PF4J classloader.
 * Also: the built-in {@code rules} responder sits beside it, and {@code llamacpp} without a model says what to do.
 */
class LangChain4jThroughRuntimeIT {
    private final LoadedComponents loaded = ComponentLoader.shared(RepoPaths.plugins());

    @Test
    void openAiProviderFromThePluginZipStreams() throws Exception {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("dev.langchain4j.model.chat.StreamingChatModel"));
        RegisteredProvider p = loaded.registry().require(ComponentKind.LLM, "openai");
        assertInstanceOf(PluginClassLoader.class, p.provider().getClass().getClassLoader());
        HttpServer server = startLocalServer();
        try {
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            LlmEngine engine = (LlmEngine) p.provider().create(new ComponentConfig(Map.of("base_url", baseUrl,
                    "model", "local-model"), "it.yaml stages.llm.config"));
            assertTrue(engine.describe().contains(baseUrl), engine.describe());
            assertEquals(List.of("Hello", " from", " the", " plugin"), streamOnce(engine));
            engine.close();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theDefaultPipelineSwitchesToTheOpenAiProviderWhenABaseUrlIsSet() throws Exception {
        HttpServer server = startLocalServer();
        try {
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            PipelineDefinition definition = new PipelineParser(new EnvInterpolator(Map.of(
                    "PARLEY_LLM_BASE_URL", baseUrl, "PARLEY_LLM_MODEL", "local-model")::get))
                    .parse(RepoPaths.root().resolve("pipelines/default.yaml"));
            assertEquals("openai", definition.stage(ComponentKind.LLM).provider());
            try (Pipeline pipeline = new PipelineAssembler(loaded.registry()).assemble(definition)) {
                assertInstanceOf(PluginClassLoader.class, pipeline.llm().getClass().getClassLoader());
                assertTrue(pipeline.llm().describe().startsWith("openai model local-model at " + baseUrl),
                        pipeline.llm().describe());
                assertEquals(List.of("Hello", " from", " the", " plugin"), streamOnce(pipeline.llm()));
            }
        } finally {
            server.stop(0);
        }
    }

    /** A local OpenAI-compatible endpoint streaming four deltas. */
    private static HttpServer startLocalServer() throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String piece : List.of("Hello", " from", " the", " plugin")) {
                    out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece
                            + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        return server;
    }

    private static List<String> streamOnce(LlmEngine engine) throws Exception {
        List<String> deltas = new CopyOnWriteArrayList<>();
        CompletableFuture<FinishReason> done = new CompletableFuture<>();
        engine.stream(new LlmRequest("Be brief.", List.of(new ChatMessage.User("Hi")), List.of(), null, null,
                null), new LlmListener() {
            @Override
            public void onTextDelta(String delta) {
                deltas.add(delta);
            }

            @Override
            public void onToolCall(int index, ToolCall call) {
            }

            @Override
            public void onComplete(FinishReason reason, TokenUsage usage) {
                done.complete(reason);
            }

            @Override
            public void onError(LlmException error) {
                done.completeExceptionally(error);
            }
        });
        assertEquals(FinishReason.STOP, done.get(30, TimeUnit.SECONDS));
        return deltas;
    }

    @Test
    void llamaCppNativesLoadInsideThePluginClassLoader() throws Exception {
        // A file that is not a model: llama.cpp's own loader (native code) rejects it, which proves the natives
        // bundled in the zip were extracted and bound inside the plugin's classloader.
        java.nio.file.Path notAModel = java.nio.file.Files.createTempFile("not-a-model", ".gguf");
        java.nio.file.Files.writeString(notAModel, "GGUF? no.");
        try {
            RegisteredProvider llamacpp = loaded.registry().require(ComponentKind.LLM, "llamacpp");
            ConfigException e = assertThrows(ConfigException.class, () -> llamacpp.provider().create(
                    new ComponentConfig(Map.of("model_path", notAModel.toString()), "it.yaml")));
            assertTrue(e.getMessage().contains("could not load"), e.getMessage());
        } finally {
            java.nio.file.Files.deleteIfExists(notAModel);
        }
    }

    @Test
    void rulesComesFromItsPluginAndLlamaCppWithoutAModelSaysWhatToDo() {
        assertEquals("llm-rules", loaded.registry().require(ComponentKind.LLM, "rules").origin().pluginId());
        RegisteredProvider llamacpp = loaded.registry().require(ComponentKind.LLM, "llamacpp");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("PARLEY_LLAMACPP_MODEL") == null,
                "PARLEY_LLAMACPP_MODEL is set, so a missing model_path is not an error here");
        ConfigException e = assertThrows(ConfigException.class,
                () -> llamacpp.provider().create(new ComponentConfig(Map.of(), "it.yaml stages.llm.config")));
        assertTrue(e.getMessage().contains("model_path") && e.getMessage().contains("it.yaml"), e.getMessage());
    }
}
