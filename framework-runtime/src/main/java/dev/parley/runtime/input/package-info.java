/**
 * The input path of a session, in one place. {@link dev.parley.runtime.input.VadInputPipeline} composes it:
 * {@link dev.parley.runtime.input.WireInput} (decode, pcm16 alignment, audio clock, resample to the pipeline rate)
 * → {@link dev.parley.runtime.input.VadFrames} (VAD frames, the ring of recent samples, the pipeline clock) →
 * {@link dev.parley.runtime.input.vad.SpeechSegmenter} (threshold from {@code turn_detection},
 * {@code min_speech_ms}/{@code hangover_ms} from the {@code vad:} stage) → {@link dev.parley.runtime.input.UserTurn}
 * → utterances streamed to STT with {@code prefix_padding_ms} of audio before the onset
 * ({@link dev.parley.runtime.input.SttLink}) → turn end once the trailing silence reaches the
 * {@link dev.parley.runtime.input.turn.EndOfTurnPolicy}'s window (server_vad: {@code silence_duration_ms};
 * semantic_vad: the turn detector with the eagerness bounds; manual mode: the client commits).
 *
 * <p>Each piece owns its state as a named type: {@code SpeechSegmenter.State} (SILENCE, ONSET_CANDIDATE, SPEECH,
 * HANGOVER), {@code UserTurn.State} (Listening, UserSpeaking, TrailingSilence), {@code SpeculativeFinal}
 * (NotRequested, Requested), {@code Utterance.State} (Streaming, Speculating, SpeculativeFinal, Ending, Final,
 * Dropped, Failed), {@code SttLink}'s input (Idle, Feeding, Paused), {@code RecogniserStream.Status} (ABSENT, OPEN,
 * BROKEN, CLOSED), {@code IdleTimer} (Disarmed, Armed).
 *
 * <p>Times reported to the session are milliseconds of audio appended since the session began. {@code
 * audio_end_ms} of {@code speech_stopped} is the turn decision point, so it includes the trailing silence (as
 * OpenAI documents). Transcript deltas are the stable words of the recogniser's partials (all but the last word),
 * sent only after the utterance is committed; the final supplies the rest. {@code idle_timeout_ms} runs on the
 * audio clock (audio appended since the last response finished without the user speaking); the committed audio of
 * a timeout is the tail the input path still holds (up to ~1.5 s), and its transcript is empty.
 */
package dev.parley.runtime.input;
