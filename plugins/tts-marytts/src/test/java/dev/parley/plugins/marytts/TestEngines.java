package dev.parley.plugins.marytts;

import dev.parley.api.ComponentConfig;
import dev.parley.api.tts.VoiceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Engines shared by the tests of one JVM (MaryTTS starts once per JVM anyway) and repo paths. */
final class TestEngines {
    private static MaryTtsEngine standard;

    private TestEngines() {
    }

    /** The engine with default config, created through the provider like the runtime does. */
    static synchronized MaryTtsEngine standard() {
        if (standard == null) {
            standard = create(Map.of());
        }
        return standard;
    }

    static MaryTtsEngine create(Map<String, ?> config) {
        return (MaryTtsEngine) new MaryTtsProvider().create(new ComponentConfig(config, "test"));
    }

    /** Speaks {@code text} and waits for the end. */
    static CollectingListener speak(MaryTtsEngine engine, String text, VoiceSettings settings) throws InterruptedException {
        CollectingListener l = new CollectingListener();
        engine.synthesize(text, settings, l);
        return l.await();
    }


    /** The repository root: the first directory above the working directory holding {@code .mvn/}. */
    static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a directory holding .mvn/) above " + dir);
    }
}
