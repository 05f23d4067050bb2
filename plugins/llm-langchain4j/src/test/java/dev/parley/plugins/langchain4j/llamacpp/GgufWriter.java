package dev.parley.plugins.langchain4j.llamacpp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test scope: a minimal GGUF v3 writer (little-endian; metadata key/values, then tensor infos, then F32 tensor data
 * aligned to 32 bytes), enough to produce a model file llama.cpp loads. Format:
 * magic "GGUF", u32 version, u64 tensor count, u64 kv count, kvs, tensor infos, padding, data.
 */
final class GgufWriter {
    private static final int ALIGNMENT = 32;
    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int GGML_TYPE_F32 = 0;

    private final Buf kvs = new Buf();
    private int kvCount;
    private final List<Tensor> tensors = new ArrayList<>();

    private record Tensor(String name, long[] dims, float[] data) {
    }

    GgufWriter string(String key, String value) {
        kvs.str(key).u32(TYPE_STRING).str(value);
        kvCount++;
        return this;
    }

    GgufWriter u32(String key, int value) {
        kvs.str(key).u32(TYPE_UINT32).u32(value);
        kvCount++;
        return this;
    }

    GgufWriter f32(String key, float value) {
        kvs.str(key).u32(TYPE_FLOAT32).f32(value);
        kvCount++;
        return this;
    }

    GgufWriter strings(String key, List<String> values) {
        kvs.str(key).u32(TYPE_ARRAY).u32(TYPE_STRING).u64(values.size());
        values.forEach(kvs::str);
        kvCount++;
        return this;
    }

    GgufWriter floats(String key, float[] values) {
        kvs.str(key).u32(TYPE_ARRAY).u32(TYPE_FLOAT32).u64(values.length);
        for (float v : values) {
            kvs.f32(v);
        }
        kvCount++;
        return this;
    }

    GgufWriter ints(String key, int[] values) {
        kvs.str(key).u32(TYPE_ARRAY).u32(TYPE_INT32).u64(values.length);
        for (int v : values) {
            kvs.u32(v);
        }
        kvCount++;
        return this;
    }

    /** A tensor in GGML dimension order (ne0 = the contiguous one). */
    GgufWriter tensor(String name, float[] data, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " values for dims " + n);
        }
        tensors.add(new Tensor(name, dims, data));
        return this;
    }

    void write(Path file) throws IOException {
        Buf header = new Buf();
        header.raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(tensors.size()).u64(kvCount);
        header.raw(kvs.bytes());
        long offset = 0;
        for (Tensor t : tensors) {
            header.str(t.name).u32(t.dims.length);
            for (long d : t.dims) {
                header.u64(d);
            }
            header.u32(GGML_TYPE_F32).u64(offset);
            offset = align(offset + 4L * t.data.length);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            byte[] head = header.bytes();
            out.write(head);
            out.write(new byte[(int) (align(head.length) - head.length)]);
            for (Tensor t : tensors) {
                ByteBuffer b = ByteBuffer.allocate(4 * t.data.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : t.data) {
                    b.putFloat(v);
                }
                out.write(b.array());
                long size = 4L * t.data.length;
                out.write(new byte[(int) (align(size) - size)]);
            }
        }
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Little-endian growable byte buffer. */
    private static final class Buf {
        private ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        private void ensure(int n) {
            if (b.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.flip();
                bigger.put(b);
                b = bigger;
            }
        }

        Buf u32(int v) {
            ensure(4);
            b.putInt(v);
            return this;
        }

        Buf u64(long v) {
            ensure(8);
            b.putLong(v);
            return this;
        }

        Buf f32(float v) {
            ensure(4);
            b.putFloat(v);
            return this;
        }

        Buf str(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            u64(bytes.length);
            return raw(bytes);
        }

        Buf raw(byte[] bytes) {
            ensure(bytes.length);
            b.put(bytes);
            return this;
        }

        byte[] bytes() {
            byte[] out = new byte[b.position()];
            b.duplicate().flip().get(out);
            return out;
        }
    }
}
