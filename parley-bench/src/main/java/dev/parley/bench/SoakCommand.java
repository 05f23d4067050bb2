package dev.parley.bench;

import dev.parley.api.ConfigException;
import dev.parley.runtime.cli.ContributedCommand;
import dev.parley.runtime.cli.ExitCodes;
import dev.parley.runtime.cli.PluginsDirOption;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionCaps;
import dev.parley.runtime.realtime.SessionLimits;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley soak}: the bounded soak ({@link Soak}) against a server in this JVM. Exit code 1 when an event
 * was lost, an error answered nothing the client did wrong, or the server closed a connection.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Real-time sessions with turns, barge-ins, bad input and slow readers; reports lost events, "
                + "errors, heap after GC, threads and fds.")
public final class SoakCommand implements Callable<Integer>, ContributedCommand {
    @Option(names = "--sessions", defaultValue = "8", description = "Concurrent sessions (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--minutes", defaultValue = "2", description = "How long (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--pipeline", defaultValue = "bench",
            description = "Pipeline; 'bench' is the zero-cost one (default: ${DEFAULT-VALUE}).")
    String pipeline;

    @Option(names = "--sample-seconds", defaultValue = "30",
            description = "Heap, threads and fds sampled this often (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--speech", paramLabel = "WAV",
            description = "The spoken question each session says (16-bit mono WAV, quiet ends trimmed); needed by a "
                    + "pipeline with a real VAD and STT. Default: a 1 s 200 Hz tone, speech to the bench VAD.")
    Path speech;

    @Option(names = "--barge-in-gap-ms", paramLabel = "MS",
            description = "How soon a barge-in session speaks again after it stopped, while the answer plays "
                    + "(default: 300 for the bench pipeline, whose answers start at once; 1200 otherwise).")
    Integer bargeInGapMs;

    @Option(names = "--turn-pause-ms", paramLabel = "MS", defaultValue = "9000",
            description = "Silence after each question of a session that does not barge in: the answer plays and "
                    + "the user thinks (default: ${DEFAULT-VALUE}). Sets the talk rate a CPU-bound pipeline must keep up "
                    + "with.")
    int turnPauseMs;

    @Option(names = "--conversation-audio-mb", paramLabel = "MB",
            defaultValue = "" + SessionLimits.DEFAULT_CONVERSATION_AUDIO_BYTES / (1024 * 1024),
            description = "Conversation audio each session keeps on the server it starts, as serve's "
                    + "(default: ${DEFAULT-VALUE}).")
    long conversationAudioMb;

    @Option(names = "--max-conversation-items", paramLabel = "N", defaultValue = "" + SessionCaps.DEFAULT_MAX_ITEMS,
            description = "Items each conversation keeps on the server it starts, as serve's (default: "
                    + "${DEFAULT-VALUE}).")
    int maxConversationItems;

    @Mixin
    PluginsDirOption plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int gap = bargeInGapMs != null ? bargeInGapMs : "bench".equals(pipeline) ? 300 : 1200;
        if (sessions < 1 || minutes < 1 || sampleSeconds < 1 || gap < 0 || turnPauseMs < 0 || conversationAudioMb < 0
                || maxConversationItems < 2) {
            throw new ConfigException("--sessions, --minutes and --sample-seconds must be 1 or more, "
                    + "--barge-in-gap-ms, --turn-pause-ms and --conversation-audio-mb 0 or more, --max-conversation-items 2 or more");
        }
        short[] question = speech == null ? AudioTrack.tone(1000) : AudioTrack.speech(speech);
        Soak.Plan plan = new Soak.Plan(sessions, minutes, sampleSeconds, question, gap,
                turnPauseMs, conversationAudioMb * 1024 * 1024, maxConversationItems);
        BenchCommand.quietSessionLogs();
        try (Pipeline p = BenchServer.assemble(pipeline, plugins.load().registry())) {
            Soak.Result r = Soak.run(p, plan, spec.commandLine().getOut());
            return r.clean() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
