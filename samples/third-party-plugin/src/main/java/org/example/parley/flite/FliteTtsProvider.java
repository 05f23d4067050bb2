package org.example.parley.flite;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsProvider;
import org.pf4j.Extension;

import java.util.List;

/**
 * {@code tts: {provider: flite, config: {voice: slt, command: flite}}} — speaks through the flite command-line
 * synthesizer (Debian: {@code apt-get install flite}). Keys: {@code voice} (default {@code slt}; one of
 * {@link FliteTtsEngine#NATIVE_VOICES} that this flite has), {@code command} (default {@code flite}).
 */
@Extension
public class FliteTtsProvider implements TtsProvider {
    @Override
    public String id() {
        return "flite";
    }

    @Override
    public String description() {
        return "Text-to-speech through the flite command (sample third-party plugin)";
    }

    @Override
    public TtsEngine create(ComponentConfig config) {
        String command = config.string("command", "flite");
        List<String> installed = FliteCommand.listVoices(command, config.source());
        String voice = config.string("voice", "slt");
        if (!installed.contains(voice) || !FliteTtsEngine.NATIVE_VOICES.contains(voice)) {
            throw new ConfigException(config.source() + ": key 'voice': '" + voice + "' is not a 16 kHz voice of "
                    + command + " (have: " + installed.stream().filter(FliteTtsEngine.NATIVE_VOICES::contains).toList()
                    + ")");
        }
        return new FliteTtsEngine(command, voice, installed);
    }
}
