package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One response's stage times from {@code parley.response.timing} ({@code stages_ms}, ms after the first mark),
 * split into what the components took and what Parley itself added.
 *
 * <p>Component time = STT finalisation ({@code turn_decided → stt_final}) + LLM to the first clause
 * ({@code llm_request → first_clause}: first token and the rest of the clause) + TTS to its first audio
 * ({@code first_clause → tts_first_audio}). Framework overhead = server time from {@code turn_decided} to
 * {@code first_delta_sent} minus that component time: handing the transcript to the model
 * ({@code stt_final → llm_request}) and turning the first TTS audio into the first delta on the socket
 * ({@code tts_first_audio → first_delta_sent}: resampling, encoding, the actor hop, the write).
 */
record StageBreakdown(double speechEndToTurn, double stt, double sttToLlm, double llmFirstToken, double clause,
                      double tts, double ttsToDelta, double server) {

    static StageBreakdown of(JsonNode timing) {
        JsonNode s = timing.path("stages_ms");
        double turn = at(s, "turn_decided");
        double stt = at(s, "stt_final");
        double req = at(s, "llm_request");
        double tok = at(s, "llm_first_token");
        double clause = at(s, "first_clause");
        double audio = at(s, "tts_first_audio");
        double sent = at(s, "first_delta_sent");
        double heard = Double.isNaN(stt) ? turn : Math.max(stt, turn);
        return new StageBreakdown(turn - at(s, "speech_end"), Math.max(0, stt - turn), req - heard, tok - req,
                clause - tok, audio - clause, sent - audio, sent - turn);
    }

    private static double at(JsonNode stages, String name) {
        JsonNode v = stages.get(name);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    double components() {
        return stt + llmFirstToken + clause + tts;
    }

    /** Server time from turn decision to first delta not spent in a component. */
    double overhead() {
        return server - components();
    }
}
