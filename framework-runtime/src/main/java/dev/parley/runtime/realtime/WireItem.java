package dev.parley.runtime.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The protocol's {@code realtime.item} objects (catalog §7) as Jackson-bound records: snake_case names, fields in
 * declaration order (the order OpenAI sends), nulls written. {@link ItemWriter} builds them from the
 * conversation's items.
 */
public sealed interface WireItem {
    String OBJECT = "realtime.item";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Message(String id, String object, String type, String status, String role, List<Part> content)
            implements WireItem {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FunctionCall(String id, String object, String type, String status, String name, String callId,
                        String arguments) implements WireItem {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FunctionCallOutput(String id, String object, String type, String callId, String output)
            implements WireItem {
    }

    /** One content part of a message. */
    sealed interface Part {
    }

    /** {@code input_text}, and assistant text ({@code output_text} in GA, {@code text} in beta). */
    record TextPart(String type, String text) implements Part {
    }

    /**
     * {@code input_audio} and assistant audio ({@code output_audio} / {@code audio}); {@code audio} (base64) is
     * left out unless the item is retrieved, as OpenAI does.
     */
    record AudioPart(String type, @JsonInclude(JsonInclude.Include.NON_NULL) String audio, String transcript)
            implements Part {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ImagePart(String type, String imageUrl, String detail) implements Part {
    }

    /** A part type Parley keeps but has no fields for. */
    record OtherPart(String type) implements Part {
    }
}
