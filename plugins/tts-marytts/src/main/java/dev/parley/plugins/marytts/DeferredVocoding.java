package dev.parley.plugins.marytts;

import marytts.htsengine.HMMData;
import marytts.htsengine.HTSParameterGeneration;
import marytts.htsengine.HTSVocoder;
import marytts.util.data.BaseDoubleDataSource;
import marytts.util.data.BufferedDoubleDataSource;

/**
 * The raw samples of one sentence, vocoded by MaryTTS' {@link HTSVocoder} on the thread that first asks for data.
 * Deferred rather than done in {@code process}: MaryTTS synthesises a whole input sentence by sentence before it
 * returns the audio, so vocoding at the first read keeps later sentences' vocoding out of the first audio's wait.
 * Not thread-safe (one reader, like the audio stream it feeds).
 */
final class DeferredVocoding extends BaseDoubleDataSource {
    private HTSParameterGeneration parameters;
    private final HMMData hts;

    DeferredVocoding(HTSParameterGeneration parameters, HMMData hts) {
        this.parameters = parameters;
        this.hts = hts;
        // what the vocoder will produce: a frame period of samples per generated frame
        this.dataLength = (long) parameters.getMcepPst().getT() * hts.getFperiod();
    }

    @Override
    public int getData(double[] target, int targetPos, int length) {
        vocode();
        return super.getData(target, targetPos, length);
    }

    @Override
    public boolean hasMoreData() {
        return inputSource == null ? dataLength > 0 : inputSource.hasMoreData();
    }

    private void vocode() {
        if (inputSource != null) {
            return;
        }
        double[] samples;
        try {
            // The array overload with no producer: computed here, on this thread; no thread is started.
            samples = new HTSVocoder().htsMLSAVocoder(parameters.getlf0Pst(), parameters.getMcepPst(),
                    parameters.getStrPst(), parameters.getMagPst(), parameters.getVoicedArray(), hts, null);
        } catch (Exception e) {
            throw new IllegalStateException("MaryTTS' vocoder failed: " + e.getMessage(), e);
        }
        parameters = null; // the parameter streams are large; the samples are all that is needed now
        inputSource = new BufferedDoubleDataSource(samples);
    }
}
