package dev.parley.plugins.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.ToolSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session tool ({@code name}, {@code description}, JSON Schema string) → LangChain4j {@link ToolSpecification}.
 * Jackson reads the schema; LangChain4j's own schema reader builds the element tree, keeping anything it cannot
 * model as a raw sub-schema so nothing the client declared is dropped.
 */
final class ToolSchemaMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROOT_KEYS =
            List.of("type", "description", "properties", "required", "additionalProperties", "$defs");

    private ToolSchemaMapper() {
    }

    static ToolSpecification toSpecification(ToolSpec tool) {
        ToolSpecification.Builder builder = ToolSpecification.builder().name(tool.name());
        if (tool.description() != null && !tool.description().isBlank()) {
            builder.description(tool.description());
        }
        JsonObjectSchema parameters = parameters(tool);
        if (parameters != null) {
            builder.parameters(parameters);
        }
        return builder.build();
    }

    private static JsonObjectSchema parameters(ToolSpec tool) {
        String schema = tool.parametersJsonSchema();
        if (schema == null || schema.isBlank()) {
            return null;
        }
        Map<String, Object> map;
        try {
            map = JSON.readValue(schema, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, "Tool '" + tool.name()
                    + "' has parameters that are not a JSON object: " + e.getOriginalMessage());
        }
        if (map.isEmpty()) {
            return null;
        }
        map.putIfAbsent("type", "object");
        JsonSchemaElement root;
        try {
            root = JsonSchemaElementJsonUtils.fromMap(map);
            if (!(root instanceof JsonObjectSchema) && "object".equals(map.get("type"))) {
                root = JsonSchemaElementJsonUtils.fromMap(rootKeysOnly(map));
            }
        } catch (IllegalArgumentException e) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, "Tool '" + tool.name()
                    + "' has an invalid parameters schema: " + e.getMessage());
        }
        if (root instanceof JsonObjectSchema object) {
            return object;
        }
        throw new LlmException(LlmException.Kind.INVALID_REQUEST, "Tool '" + tool.name()
                + "': parameters must be a JSON Schema of type object");
    }

    /**
     * Drops root keywords LangChain4j cannot model ({@code $schema}, {@code title}, schema-valued
     * {@code additionalProperties}), which clients often include but models do not need; properties stay intact.
     */
    private static Map<String, Object> rootKeysOnly(Map<String, Object> map) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String key : ROOT_KEYS) {
            if (map.containsKey(key)) {
                kept.put(key, map.get(key));
            }
        }
        if (!(kept.get("additionalProperties") instanceof Boolean)) {
            kept.remove("additionalProperties");
        }
        return kept;
    }
}
