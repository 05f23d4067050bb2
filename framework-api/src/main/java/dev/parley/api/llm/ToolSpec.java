package dev.parley.api.llm;

/**
 * A function the model may call.
 *
 * @param name                 function name
 * @param description          what it does, for the model
 * @param parametersJsonSchema JSON Schema of the arguments object, as a JSON string ({@code {}} when none)
 */
public record ToolSpec(String name, String description, String parametersJsonSchema) {
}
