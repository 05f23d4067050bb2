package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import dev.parley.runtime.conversation.ConversationCore;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.ResponseOptions;
import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code response} object of a {@code response.create}, validated ({@link ResponseOverridesReader}): what
 * this one response changes from the session's settings, null where the client gave nothing. Applying it
 * ({@link #applyTo}) makes the checks that need the conversation: the conversation named, the tool choice
 * against the tools in force, and the {@code item_reference}s of the input.
 *
 * @param conversation    {@code "auto"}, {@code "none"} (out of band) or, to be checked, a conversation id
 * @param toolChoice      as {@link SessionValues#toolChoice} accepted it
 * @param maxOutputTokens {@link Change.Clear}: {@code "inf"}
 * @param input           the items as read; item references (kind null) still to be resolved
 */
public record ResponseOverrides(String conversation, String instructions, Boolean audio, WireFormat outputFormat,
                                String voice, Double speed, List<ToolSpec> tools, JsonNode toolChoice,
                                Change<Integer> maxOutputTokens, Change<Double> temperature,
                                Map<String, String> metadata, List<ConversationItem> input) {
    private static final String PATH = "response";

    /**
     * @param base         the session's response settings
     * @param conversation resolves {@code item_reference}s and names the conversation
     */
    public ResponseOptions applyTo(ResponseOptions base, ConversationCore conversation) {
        boolean outOfBand = false;
        if (this.conversation != null) {
            String conv = this.conversation;
            if (!conv.equals("auto") && !conv.equals("none") && !conv.equals(conversation.conversationId())) {
                throw ProtocolException.invalidValue(PATH + ".conversation", conv, List.of("auto", "none"));
            }
            outOfBand = conv.equals("none");
        }
        List<ToolSpec> inForce = tools != null ? tools : base.tools();
        ToolChoice choice = base.toolChoice();
        if (toolChoice != null) {
            ToolChecks.choice(toolChoice, inForce.stream().map(ToolSpec::name).toList(), PATH + ".tool_choice",
                    tools != null ? "response's" : "session's");
            choice = ToolJson.toolChoice(toolChoice);
        }
        return new ResponseOptions(audio != null ? audio : base.audio(),
                instructions != null ? instructions : base.instructions(), voice != null ? voice : base.voice(),
                speed != null ? speed : base.speed(), outputFormat != null ? outputFormat : base.outputFormat(),
                inForce, choice, maxOutputTokens.over(base.maxOutputTokens()), temperature.over(base.temperature()),
                metadata, outOfBand, input == null ? null : resolved(conversation), null);
    }

    private List<ConversationItem> resolved(ConversationCore conversation) {
        List<ConversationItem> items = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            ConversationItem item = input.get(i);
            if (item.kind == null) { // item_reference
                ConversationItem ref = conversation.item(item.id);
                if (ref == null) {
                    throw ProtocolException.invalidValue(PATH + ".input[" + i + "].id",
                            "Invalid value: '" + item.id + "'. No conversation item with this id exists.");
                }
                item = ref;
            }
            items.add(item);
        }
        return items;
    }
}
