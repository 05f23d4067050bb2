package dev.parley.plugins.langchain4j.llamacpp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test scope: writes a small random-weight model in the llama architecture (4 heads, given width and depth) with a
 * SentencePiece-style vocabulary of 3 special tokens, 256 byte tokens and the letters a–z plus "▁" (space). No
 * chat-model weights can be downloaded here, so this proves loading, streaming and cancel; its output is noise.
 */
final class TinyLlamaGguf {
    static final int HEADS = 4;
    static final int CONTEXT = 512;

    private TinyLlamaGguf() {
    }

    /**
     * @param embed       embedding width (multiple of 4 heads × 4)
     * @param layers      transformer blocks
     * @param feedForward feed-forward width
     */
    static Path write(Path file, long seed, int embed, int layers, int feedForward) throws IOException {
        final int EMBED = embed;
        final int LAYERS = layers;
        final int FEED_FORWARD = feedForward;
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(2, 3, 3)); // UNKNOWN, CONTROL, CONTROL
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(6); // BYTE
        }
        tokens.add("▁");
        types.add(1); // NORMAL
        for (char c = 'a'; c <= 'z'; c++) {
            tokens.add(String.valueOf(c));
            types.add(1);
        }
        int vocab = tokens.size();
        float[] scores = new float[vocab];
        int[] tokenTypes = types.stream().mapToInt(Integer::intValue).toArray();

        GgufWriter gguf = new GgufWriter()
                .string("general.architecture", "llama")
                .string("general.name", "parley-tiny-random")
                .u32("general.alignment", 32)
                .u32("llama.context_length", CONTEXT)
                .u32("llama.embedding_length", EMBED)
                .u32("llama.block_count", LAYERS)
                .u32("llama.feed_forward_length", FEED_FORWARD)
                .u32("llama.attention.head_count", HEADS)
                .u32("llama.attention.head_count_kv", HEADS)
                .u32("llama.rope.dimension_count", EMBED / HEADS)
                .f32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .u32("llama.vocab_size", vocab)
                .string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", tokens)
                .floats("tokenizer.ggml.scores", scores)
                .ints("tokenizer.ggml.token_type", tokenTypes)
                .u32("tokenizer.ggml.unknown_token_id", 0)
                .u32("tokenizer.ggml.bos_token_id", 1)
                .u32("tokenizer.ggml.eos_token_id", 2);

        Random random = new Random(seed);
        gguf.tensor("token_embd.weight", noise(random, EMBED * vocab), EMBED, vocab);
        gguf.tensor("output_norm.weight", ones(EMBED), EMBED);
        gguf.tensor("output.weight", noise(random, EMBED * vocab), EMBED, vocab);
        for (int i = 0; i < LAYERS; i++) {
            String p = "blk." + i + ".";
            gguf.tensor(p + "attn_norm.weight", ones(EMBED), EMBED);
            gguf.tensor(p + "attn_q.weight", noise(random, EMBED * EMBED), EMBED, EMBED);
            gguf.tensor(p + "attn_k.weight", noise(random, EMBED * EMBED), EMBED, EMBED);
            gguf.tensor(p + "attn_v.weight", noise(random, EMBED * EMBED), EMBED, EMBED);
            gguf.tensor(p + "attn_output.weight", noise(random, EMBED * EMBED), EMBED, EMBED);
            gguf.tensor(p + "ffn_norm.weight", ones(EMBED), EMBED);
            gguf.tensor(p + "ffn_gate.weight", noise(random, EMBED * FEED_FORWARD), EMBED, FEED_FORWARD);
            gguf.tensor(p + "ffn_up.weight", noise(random, EMBED * FEED_FORWARD), EMBED, FEED_FORWARD);
            gguf.tensor(p + "ffn_down.weight", noise(random, FEED_FORWARD * EMBED), FEED_FORWARD, EMBED);
        }
        gguf.write(file);
        return file;
    }

    private static float[] noise(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * 0.5);
        }
        return v;
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }
}
