package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A {@code tool_choice} naming an undeclared function and a tool whose {@code parameters} is not a usable object
 * schema are refused with {@code invalid_value} at the offending param, and the session goes on unchanged.
 */
class ToolInputErrorsTest extends ConnectedClientFixture {
    private static final String WEATHER = "{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":"
            + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}";

    private JsonNode assertInvalidValue(String json, String param) throws Exception {
        client.send(json);
        JsonNode err = client.expect("error").path("error");
        assertEquals("invalid_request_error", err.path("type").asText(), () -> "error " + err);
        assertEquals("invalid_value", err.path("code").asText(null), () -> "error " + err);
        assertEquals(param, err.path("param").asText(null), () -> "error " + err);
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
        client.expect("session.updated");
        return err;
    }

    private static String update(String sessionFields) {
        return "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"," + sessionFields + "}}";
    }

    @Test
    void sessionToolChoiceNamingAnUndeclaredFunctionIsRefusedNamingBoth() throws Exception {
        JsonNode err = assertInvalidValue(update("\"tools\":[" + WEATHER + "],\"tool_choice\":{\"type\":\"function\","
                + "\"name\":\"get_wether\"}"), "session.tool_choice");
        assertEquals("Invalid value: 'get_wether'. Tool choice names function 'get_wether', which is not among the"
                + " session's tools: 'get_weather'.", err.path("message").asText());
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
        assertEquals(0, client.expect("session.updated").at("/session/tools").size(),
                "the refused update was rejected whole");
    }

    @Test
    void aChoiceOfADeclaredFunctionIsAcceptedAndRemovingItsToolLaterIsRefused() throws Exception {
        client.send(update("\"tools\":[" + WEATHER + "],\"tool_choice\":{\"type\":\"function\",\"name\":\"get_weather\"}"));
        assertEquals("get_weather", client.expect("session.updated").at("/session/tool_choice/name").asText());
        JsonNode err = assertInvalidValue(update("\"tools\":[]"), "session.tool_choice");
        assertTrue(err.path("message").asText().contains("(none are declared)"), err.toString());
    }

    @Test
    void responseToolChoiceIsCheckedAgainstTheResponsesOrTheSessionsTools() throws Exception {
        JsonNode err = assertInvalidValue("{\"type\":\"response.create\",\"response\":{\"tools\":[" + WEATHER + "],"
                + "\"tool_choice\":{\"type\":\"function\",\"name\":\"get_time\"}}}", "response.tool_choice");
        assertEquals("Invalid value: 'get_time'. Tool choice names function 'get_time', which is not among the"
                + " response's tools: 'get_weather'.", err.path("message").asText());
        JsonNode none = assertInvalidValue("{\"type\":\"response.create\",\"response\":{\"tool_choice\":"
                + "{\"type\":\"function\",\"name\":\"get_time\"}}}", "response.tool_choice");
        assertTrue(none.path("message").asText().contains("session's tools (none are declared)"), none.toString());
    }

    @Test
    void parametersThatAreNotAnObjectSchemaAreRefused() throws Exception {
        JsonNode err = assertInvalidValue(update("\"tools\":[" + WEATHER + ",{\"type\":\"function\",\"name\":\"n\","
                + "\"parameters\":{\"type\":\"array\",\"items\":{}}}]"), "session.tools[1].parameters");
        assertTrue(err.path("message").asText().contains("function 'n'") && err.path("message").asText()
                .contains("'type: \"object\"'"), err.toString());
        assertInvalidValue("{\"type\":\"response.create\",\"response\":{\"tools\":[{\"type\":\"function\","
                + "\"name\":\"n\",\"parameters\":{\"properties\":{}}}]}}", "response.tools[0].parameters");
    }

    @Test
    void aRequiredArgumentMissingFromThePropertiesIsRefused() throws Exception {
        JsonNode err = assertInvalidValue(update("\"tools\":[" + WEATHER.replace("[\"city\"]", "[\"city\",\"unit\"]")
                + "]"), "session.tools[0].parameters");
        assertEquals("Invalid schema for function 'get_weather': \"unit\" is in 'required' but not among"
                + " 'properties': 'city'.", err.path("message").asText());
    }

    @Test
    void anEmptyParametersObjectStillMeansNoArguments() throws Exception {
        client.send(update("\"tools\":[{\"type\":\"function\",\"name\":\"ping\",\"parameters\":{}}]"));
        assertEquals("ping", client.expect("session.updated").at("/session/tools/0/name").asText());
    }
}
