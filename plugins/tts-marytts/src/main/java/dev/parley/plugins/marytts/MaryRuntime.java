package dev.parley.plugins.marytts;

import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one MaryTTS instance of this JVM. MaryTTS keeps its state in statics, so it is started once, on first use,
 * and shared by every engine; the returned interface is configured once (SSML in, audio out) and never mutated
 * afterwards, which makes it safe for concurrent syntheses.
 */
final class MaryRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(MaryRuntime.class);
    /** MaryTTS reads this before it configures log4j; without it, it writes a log file under its base dir. */
    private static final String LOG_PROPERTY = "log4j.logger.marytts";
    /**
     * Where MaryTTS loads its log4j properties from (system properties win over its config). Ours ends lines
     * with {@code %n}: the jar's own {@code %m\n} loses its newline in log4j's 1.x bridge, so lines ran together.
     */
    static final String LOG_CONFIG_PROPERTY = "log.config";
    static final String LOG_CONFIG = "jar:/dev/parley/plugins/marytts/mary-log4j.properties";
    /**
     * MaryTTS reads its module list from this system property before its config files, so a module named here is
     * registered first, and {@code HMMSynthesizer} (which asks the registry for the first {@code HTSEngine}) uses
     * it rather than the stock one, which stays registered behind it.
     */
    static final String MODULES_PROPERTY = "modules.classes.list";

    private static LocalMaryInterface instance;

    private MaryRuntime() {
    }

    /** Starts MaryTTS on the first call (~1.2 s), returns the shared interface afterwards. */
    static synchronized LocalMaryInterface get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** Shuts MaryTTS down if it was started (plugin stop); a later {@link #get()} starts it again. */
    static synchronized void shutdown() {
        if (instance != null && marytts.server.Mary.currentState() == marytts.server.Mary.STATE_RUNNING) {
            try {
                marytts.server.Mary.shutdown();
            } catch (RuntimeException e) {
                LOG.warn("MaryTTS shutdown failed: {}", e.toString());
            }
        }
        instance = null;
    }

    private static LocalMaryInterface start() {
        if (System.getProperty(LOG_PROPERTY) == null) {
            System.setProperty(LOG_PROPERTY, "WARN, stderr");
        }
        if (System.getProperty(LOG_CONFIG_PROPERTY) == null) {
            System.setProperty(LOG_CONFIG_PROPERTY, LOG_CONFIG);
        }
        preferModule(CallingThreadHtsEngine.class.getName());
        long t0 = System.nanoTime();
        // MaryTTS finds its language and voice configs with ServiceLoader through the thread context
        // classloader. Inside a PF4J plugin that loader is the application's, which cannot see this plugin's
        // jars, so MaryConfig.getMainConfig() would be null. Point it at our own loader for the start only.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MaryRuntime.class.getClassLoader());
        try {
            LocalMaryInterface mary = new LocalMaryInterface();
            mary.setInputType("SSML");
            mary.setOutputType("AUDIO");
            checkVocoderOnCallingThread();
            LOG.info("MaryTTS started in {} ms, voices {}", (System.nanoTime() - t0) / 1_000_000,
                    mary.getAvailableVoices());
            return mary;
        } catch (MaryConfigurationException e) {
            throw new IllegalStateException("MaryTTS failed to start: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void preferModule(String className) {
        String listed = System.getProperty(MODULES_PROPERTY, "");
        if (!listed.contains(className)) {
            System.setProperty(MODULES_PROPERTY, (className + " " + listed).trim());
        }
    }

    /**
     * Warns when MaryTTS vocodes on threads of its own after all (it was started before this class set the property,
     * or the property was replaced): synthesis still works, but outside the CPU pool.
     */
    private static void checkVocoderOnCallingThread() {
        Object engine = marytts.modules.ModuleRegistry.getModule(marytts.modules.HTSEngine.class);
        if (!(engine instanceof CallingThreadHtsEngine)) {
            LOG.warn("MaryTTS vocodes with {} rather than {}: one thread per sentence, outside the CPU pool",
                    engine == null ? "no HTSEngine" : engine.getClass().getName(),
                    CallingThreadHtsEngine.class.getName());
        }
    }
}
