package dev.parley.plugins.whisper;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tiny synthetic whisper.cpp ggml model (F16 weights, 1 encoder and 1 decoder layer, width 64) that the real
 * native library loads and runs. It hears nothing: its weights are set so the decoder, whatever the audio, emits
 * the words {@code w1 w2 … w11} and then end-of-text. That lets model-free tests drive the plugin's streaming,
 * re-decoding, concurrency and cancel paths through real whisper.cpp; transcription quality needs a real model
 * (PARLEY_WHISPER_MODEL).
 * <p>
 * How: every layer is zero, so the residual stream at decoder position p is token_embedding[prev] +
 * positional_embedding[p]. Position p (< 12) points along axis p, position ≥ 12 along axis 63; the final layer
 * norm scales by 4; the token "w<i>" (id 1000 + i) has embedding e_i and end-of-text has e_63. So the logit of
 * the token for position p is about 32 and every other logit is near 0: greedy decoding is deterministic and
 * confident (no temperature fallback).
 */
final class TinyWhisperModel {
    static final String[] EXPECTED_WORDS = {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "w10", "w11"};

    private static final int N_VOCAB = 51864; // English-only vocabulary size: fixes the special token ids
    private static final int TOKEN_EOT = 50256;
    private static final int AUDIO_CTX = 1500;
    private static final int STATE = 64;
    private static final int TEXT_CTX = 64;
    private static final int MELS = 80;
    private static final int FIRST_WORD = 1000;
    private static final int END_POSITION = 12;

    private TinyWhisperModel() {
    }

    static Path write(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
            int32(out, 0x67676d6c);
            for (int v : new int[] {N_VOCAB, AUDIO_CTX, STATE, 1, 1, TEXT_CTX, STATE, 1, 1, MELS, 1}) {
                int32(out, v);
            }
            int32(out, MELS);
            int32(out, 201);
            zeros(out, MELS * 201);
            int32(out, TOKEN_EOT);
            for (int id = 0; id < TOKEN_EOT; id++) {
                // whisper.cpp looks the blank token " " up by text (GPT-2 id 220) to suppress it.
                String text = id == 220 ? " " : id >= FIRST_WORD && id < FIRST_WORD + STATE
                        ? " w" + (id - FIRST_WORD) : "x" + id;
                byte[] word = text.getBytes(StandardCharsets.UTF_8);
                int32(out, word.length);
                out.write(word);
            }
            encoder(out);
            decoder(out);
        }
        return file;
    }

    private static void encoder(DataOutputStream out) throws IOException {
        tensor(out, "encoder.positional_embedding", new float[STATE * AUDIO_CTX], STATE, AUDIO_CTX);
        tensor(out, "encoder.conv1.weight", new float[3 * MELS * STATE], 3, MELS, STATE);
        tensor(out, "encoder.conv1.bias", new float[STATE], 1, STATE);
        tensor(out, "encoder.conv2.weight", new float[3 * STATE * STATE], 3, STATE, STATE);
        tensor(out, "encoder.conv2.bias", new float[STATE], 1, STATE);
        tensor(out, "encoder.ln_post.weight", new float[STATE], STATE);
        tensor(out, "encoder.ln_post.bias", new float[STATE], STATE);
        block(out, "encoder.blocks.0.", false);
    }

    private static void decoder(DataOutputStream out) throws IOException {
        float[] positions = new float[STATE * TEXT_CTX];
        for (int p = 0; p < TEXT_CTX; p++) {
            positions[p * STATE + (p < END_POSITION ? p : STATE - 1)] = 10f;
        }
        tensor(out, "decoder.positional_embedding", positions, STATE, TEXT_CTX);
        float[] tokens = new float[STATE * N_VOCAB];
        for (int i = 0; i < STATE - 1; i++) {
            tokens[(FIRST_WORD + i) * STATE + i] = 1f;
        }
        tokens[TOKEN_EOT * STATE + STATE - 1] = 1f;
        tensor(out, "decoder.token_embedding.weight", tokens, STATE, N_VOCAB);
        float[] lnWeight = new float[STATE];
        java.util.Arrays.fill(lnWeight, 4f);
        tensor(out, "decoder.ln.weight", lnWeight, STATE);
        tensor(out, "decoder.ln.bias", new float[STATE], STATE);
        block(out, "decoder.blocks.0.", true);
    }

    private static void block(DataOutputStream out, String prefix, boolean cross) throws IOException {
        norm(out, prefix + "mlp_ln");
        tensor(out, prefix + "mlp.0.weight", new float[STATE * 4 * STATE], STATE, 4 * STATE);
        tensor(out, prefix + "mlp.0.bias", new float[4 * STATE], 4 * STATE);
        tensor(out, prefix + "mlp.2.weight", new float[4 * STATE * STATE], 4 * STATE, STATE);
        tensor(out, prefix + "mlp.2.bias", new float[STATE], STATE);
        norm(out, prefix + "attn_ln");
        attention(out, prefix + "attn.");
        if (cross) {
            norm(out, prefix + "cross_attn_ln");
            attention(out, prefix + "cross_attn.");
        }
    }

    private static void attention(DataOutputStream out, String prefix) throws IOException {
        tensor(out, prefix + "query.weight", new float[STATE * STATE], STATE, STATE);
        tensor(out, prefix + "query.bias", new float[STATE], STATE);
        tensor(out, prefix + "key.weight", new float[STATE * STATE], STATE, STATE);
        tensor(out, prefix + "value.weight", new float[STATE * STATE], STATE, STATE);
        tensor(out, prefix + "value.bias", new float[STATE], STATE);
        tensor(out, prefix + "out.weight", new float[STATE * STATE], STATE, STATE);
        tensor(out, prefix + "out.bias", new float[STATE], STATE);
    }

    private static void norm(DataOutputStream out, String name) throws IOException {
        tensor(out, name + ".weight", new float[STATE], STATE);
        tensor(out, name + ".bias", new float[STATE], STATE);
    }

    /**
     * ggml tensor record: n_dims, name length, type, ne[] (innermost first), name, data. Matrix and convolution
     * weights are F16 (whisper.cpp's F16 model type; its convolutions require F16); biases, norms and positional
     * embeddings stay F32, as whisper.cpp expects.
     */
    private static void tensor(DataOutputStream out, String name, float[] data, int... ne) throws IOException {
        boolean f16 = name.endsWith(".weight") && !name.contains("ln");
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        int32(out, ne.length);
        int32(out, n.length);
        int32(out, f16 ? 1 : 0);
        for (int d : ne) {
            int32(out, d);
        }
        out.write(n);
        ByteBuffer buf = ByteBuffer.allocate(data.length * (f16 ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
            if (f16) {
                buf.putShort(Float.floatToFloat16(v));
            } else {
                buf.putFloat(v);
            }
        }
        out.write(buf.array());
    }

    private static void zeros(DataOutputStream out, int floats) throws IOException {
        out.write(new byte[floats * 4]);
    }

    private static void int32(DataOutputStream out, int v) throws IOException {
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }
}
