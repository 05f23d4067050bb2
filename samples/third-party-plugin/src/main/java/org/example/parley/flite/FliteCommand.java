package org.example.parley.flite;

import dev.parley.api.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs the flite executable: lists its voices at start-up, speaks one phrase into a WAV on stdout. */
final class FliteCommand {
    private FliteCommand() {
    }

    /** The voices {@code flite -lv} names; a ConfigException saying how to install flite when it cannot run. */
    static List<String> listVoices(String command, String source) {
        try {
            Process p = new ProcessBuilder(command, "-lv").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new ConfigException(source + ": key 'command': '" + command + " -lv' failed: " + out.trim());
            }
            String list = out.substring(out.indexOf(':') + 1).trim();
            return new ArrayList<>(Arrays.asList(list.split("\\s+")));
        } catch (IOException e) {
            throw new ConfigException(source + ": key 'command': cannot run '" + command + "' (" + e.getMessage()
                    + "); install it (Debian: apt-get install flite) or name it with 'command'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException(source + ": interrupted while asking " + command + " for its voices");
        }
    }

    /** Starts flite speaking {@code phrase} as a WAV on stdout; {@code stretch} > 1 speaks slower. */
    static Process speak(String command, String voice, double stretch, String phrase) throws IOException {
        return new ProcessBuilder(command, "-voice", voice, "--setf",
                "duration_stretch=" + String.format(Locale.ROOT, "%.3f", stretch), "-t", phrase, "-o", "/dev/stdout")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
