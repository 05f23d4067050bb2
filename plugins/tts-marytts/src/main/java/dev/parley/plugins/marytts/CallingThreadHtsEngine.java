package dev.parley.plugins.marytts;

import java.util.List;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;
import marytts.exceptions.SynthesisException;
import marytts.datatypes.MaryData;
import marytts.htsengine.HMMData;
import marytts.htsengine.HMMVoice;
import marytts.htsengine.HTSParameterGeneration;
import marytts.htsengine.HTSUttModel;
import marytts.htsengine.HTSVocoder;
import marytts.modules.HTSEngine;
import marytts.signalproc.process.AmplitudeNormalizer;
import marytts.unitselection.select.Target;
import marytts.util.data.BufferedDoubleDataSource;
import marytts.util.data.audio.DDSAudioInputStream;
import org.w3c.dom.Element;

/**
 * MaryTTS' HSMM engine without its producer thread. The stock {@link HTSEngine#process} vocodes through
 * {@code HTSVocoder.htsMLSAVocoder(HTSParameterGeneration, HMMData)}, which starts one thread per sentence and hands
 * every sample over as a boxed {@code Double} through a queue: measured (BENCHMARKS.md, run I part 2) 65 % of TTS
 * CPU, 1,279 CPU-ms per turn, ran on those threads, outside the runtime's CPU pool, unbounded and unordered by its
 * priorities. Here the same vocoder runs through its array overload on the thread that reads the audio (a pool
 * thread in {@link MarySynthesis}), when the sentence's audio is first read.
 *
 * <p>Everything else is MaryTTS' own: the utterance model, parameter generation and realised prosody as in the
 * stock module, and the same amplitude normalisation block by block, so the samples are identical
 * ({@code CallingThreadHtsEngineTest}). Registered ahead of the stock module ({@link MaryRuntime}), so
 * {@code HMMSynthesizer} finds this one when it asks the module registry for an {@code HTSEngine}. Only a synthesis that asks for it ({@link #generate} with {@code vocodeHere}, the stage's
 * {@code vocoder: pool}) vocodes here; every other one goes through the stock module's streaming vocoder thread,
 * because vocoding the whole sentence before its first chunk costs ~210 ms of first audio (plugin README).
 */
public class CallingThreadHtsEngine extends HTSEngine {
    /**
     * The stock producer's starting peak (its private {@code INITIAL_MAX_AMPLITUDE}): samples are divided by the
     * largest magnitude seen so far, at least this.
     */
    static final double INITIAL_MAX_AMPLITUDE = 17000.;
    /** Set around one {@code generateAudio} call: MaryTTS runs its modules on the calling thread. */
    private static final ThreadLocal<Boolean> VOCODE_HERE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** MaryTTS' {@code generateAudio}, with the sentence vocoded on the reading thread when {@code vocodeHere}. */
    static AudioInputStream generate(LocalMaryInterface mary, boolean vocodeHere, org.w3c.dom.Document ssml)
            throws SynthesisException {
        VOCODE_HERE.set(vocodeHere);
        try {
            return mary.generateAudio(ssml);
        } finally {
            VOCODE_HERE.remove();
        }
    }

    @Override
    public MaryData process(MaryData d, List<Target> targetFeaturesList, List<Element> segmentsAndBoundaries,
                            List<Element> tokensAndBoundaries) throws Exception {
        if (!VOCODE_HERE.get()) {
            return super.process(d, targetFeaturesList, segmentsAndBoundaries, tokensAndBoundaries);
        }
        HMMData hts = ((HMMVoice) d.getDefaultVoice()).getHMMData();
        HTSUttModel model = processTargetList(targetFeaturesList, segmentsAndBoundaries, hts);
        HTSParameterGeneration parameters = new HTSParameterGeneration();
        parameters.htsMaximumLikelihoodParameterGeneration(model, hts);

        MaryData output = new MaryData(outputType(), d.getLocale());
        if (d.getAudioFileFormat() != null) {
            output.setAudioFileFormat(d.getAudioFileFormat());
            if (d.getAudio() != null) {
                output.setAudio(d.getAudio()); // the stream the caller already reads, as the stock module does
            }
        }
        output.appendAudio(audio(parameters, hts));
        if (tokensAndBoundaries != null) {
            setRealisedProsody(tokensAndBoundaries, model);
        }
        return output;
    }

    /** The sentence's audio; vocoded on the reading thread at the first read. */
    static AudioInputStream audio(HTSParameterGeneration parameters, HMMData hts) {
        // Normalised by the reader's block sizes, as the stock producer's buffer does, so a peak above the
        // initial one scales the same samples the same way.
        BufferedDoubleDataSource normalised = new BufferedDoubleDataSource(new DeferredVocoding(parameters, hts),
                new AmplitudeNormalizer(INITIAL_MAX_AMPLITUDE));
        return new DDSAudioInputStream(normalised, HTSVocoder.getHTSAudioFormat(hts));
    }
}
