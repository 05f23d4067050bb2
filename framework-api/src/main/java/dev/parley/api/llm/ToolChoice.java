package dev.parley.api.llm;

/**
 * Whether and which tools the model must use.
 *
 * @param mode         auto, none, required, or function (then {@code functionName} names it)
 * @param functionName the forced function's name, only for {@link Mode#FUNCTION}
 */
public record ToolChoice(Mode mode, String functionName) {
    public enum Mode { AUTO, NONE, REQUIRED, FUNCTION }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

    public static ToolChoice function(String name) {
        return new ToolChoice(Mode.FUNCTION, name);
    }
}
