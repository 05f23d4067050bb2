package dev.parley.runtime.recording;

import dev.parley.runtime.engine.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A WAV file written as audio arrives: a header with placeholder sizes, the bytes as received, and at
 * {@link #close} the header rewritten with the real sizes and the format the session ended in (PCM16 24 kHz,
 * or G.711 μ-law / A-law at 8 kHz, which WAV carries as format 7 / 6). Writer thread only.
 */
final class WavFile implements AutoCloseable {
    static final int HEADER_BYTES = 44;

    private final FileChannel file;
    private long dataBytes;
    private boolean closed;

    WavFile(Path path) throws IOException {
        file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        file.write(header(WireFormat.PCM16_24K, 0));
    }

    /** Bytes of audio written so far: the offset the next chunk starts at. */
    long dataBytes() {
        return dataBytes;
    }

    void append(byte[] audio) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(audio);
        while (b.hasRemaining()) {
            file.write(b);
        }
        dataBytes += audio.length;
    }

    /** Rewrites the header for {@code format} and closes. Idempotent. */
    void close(WireFormat format) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            file.write(header(format, dataBytes), 0);
        }
    }

    @Override
    public void close() throws IOException {
        close(WireFormat.PCM16_24K);
    }

    static ByteBuffer header(WireFormat format, long dataBytes) {
        int bits = format.bytesPerSample() * 8;
        short code = switch (format) {
            case PCM16_24K -> 1;
            case PCMA -> 6;
            case PCMU -> 7;
        };
        int data = (int) Math.min(dataBytes, Integer.MAX_VALUE - HEADER_BYTES);
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        h.put("fmt ".getBytes()).putInt(16).putShort(code).putShort((short) 1).putInt(format.sampleRate())
                .putInt(format.sampleRate() * format.bytesPerSample()).putShort((short) format.bytesPerSample())
                .putShort((short) bits);
        h.put("data".getBytes()).putInt(data);
        return h.flip();
    }
}
