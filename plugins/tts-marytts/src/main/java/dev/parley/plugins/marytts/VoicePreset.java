package dev.parley.plugins.marytts;

/**
 * A voice a client can ask for: an installed MaryTTS voice plus a fixed pitch offset.
 *
 * @param name        the name clients use
 * @param maryVoice   the installed MaryTTS voice that speaks it
 * @param pitchOffset semitones added to every request's pitch (0 for the voice as recorded)
 * @param description one line for the README and error messages
 */
record VoicePreset(String name, String maryVoice, double pitchOffset, String description) {
}
