/**
 * The input path of a session ({@link dev.parley.runtime.input.VadInputPipeline}): decode → resample to the
 * pipeline rate → VAD frames → {@link dev.parley.runtime.input.vad.SpeechSegmenter} (threshold from
 * {@code turn_detection}, {@code min_speech_ms}/{@code hangover_ms} from the {@code vad:} stage) → utterances
 * streamed to STT with {@code prefix_padding_ms} of audio before the onset → turn end once the trailing silence
 * reaches the {@link dev.parley.runtime.input.turn.EndOfTurnPolicy}'s window (server_vad: {@code silence_duration_ms};
 * semantic_vad: the turn detector with the eagerness bounds; manual mode: the client commits).
 *
 * <p>Times reported to the session are milliseconds of audio appended since the session began. {@code
 * audio_end_ms} of {@code speech_stopped} is the turn decision point, so it includes the trailing silence (as
 * OpenAI documents). Transcript deltas are the stable words of the recogniser's partials (all but the last word),
 * sent only after the utterance is committed; the final supplies the rest. {@code idle_timeout_ms} runs on the
 * audio clock (audio appended since the last response finished without the user speaking); the committed audio of
 * a timeout is the tail the input path still holds (up to ~1.5 s), and its transcript is empty.
 *
 * <p>Not implemented: resuming a response after a false interruption (the issue allows it, off by default); a
 * barge-in always cancels.
 */
package dev.parley.runtime.input;
