#!/usr/bin/env python3
"""A spoken turn against Parley with only the standard library and Debian's python3-websockets.

    python3 spoken_turn.py question.wav answer.wav

Streams the WAV file as a microphone would (real-time pace, then silence), lets the server's VAD end the turn,
prints what each side said and writes the spoken answer to a WAV file.

Env: PARLEY_URL      the realtime endpoint (default ws://127.0.0.1:8080/v1/realtime; wss:// with TLS)
     PARLEY_CA       a certificate PEM to trust (the one `parley serve --tls-self-signed` prints), for wss://
     OPENAI_API_KEY  the key the server accepts (any value for an open server)
The last line on stdout is a JSON summary (the sample's test reads it).
"""
import array
import asyncio
import base64
import json
import os
import ssl
import sys
import time
import wave

import websockets

RATE = 24000
CHUNK_MS = 40


def read_wav(path):
    """PCM16 WAV (any rate, mono or stereo) -> mono pcm16 bytes at 24 kHz, the session's default audio/pcm."""
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2:
            raise SystemExit(f"{path}: need 16-bit PCM")
        channels, rate = w.getnchannels(), w.getframerate()
        samples = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    mono = [sum(samples[i:i + channels]) / channels for i in range(0, len(samples), channels)]
    n = len(mono) * RATE // rate
    out = array.array("h", bytes(2 * n))
    for i in range(n):
        p = i * rate / RATE
        j = int(p)
        a, b = mono[min(j, len(mono) - 1)], mono[min(j + 1, len(mono) - 1)]
        out[i] = max(-32768, min(32767, round(a + (b - a) * (p - j))))
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def write_wav(path, pcm):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm)


async def spoken_turn(question, output):
    url = os.environ.get("PARLEY_URL", "ws://127.0.0.1:8080/v1/realtime")
    ctx = None
    if url.startswith("wss://"):
        ctx = ssl.create_default_context(cafile=os.environ.get("PARLEY_CA"))
    headers = {"Authorization": "Bearer " + os.environ.get("OPENAI_API_KEY", "sk-parley")}
    summary = {"heard": "", "answer": "", "answerAudioMs": 0, "events": 0}
    audio = []
    async with websockets.connect(url, extra_headers=headers, ssl=ctx, max_size=None) as ws:
        await ws.send(json.dumps({"type": "session.update", "session": {
            "type": "realtime",
            "audio": {"input": {"transcription": {"model": "gpt-4o-transcribe"},
                                "turn_detection": {"type": "server_vad", "silence_duration_ms": 500}}}}}))
        configured = asyncio.Event()
        done = asyncio.get_running_loop().create_future()

        async def receive():
            response_id = None
            async for message in ws:
                e = json.loads(message)
                summary["events"] += 1
                t = e.get("type")
                if t == "session.updated":
                    configured.set()
                elif t == "conversation.item.input_audio_transcription.completed":
                    summary["heard"] = e["transcript"]
                    print("you:  ", e["transcript"], flush=True)
                elif t == "response.created" and response_id is None:
                    response_id = e["response"]["id"]
                elif t == "response.output_audio.delta" and e.get("response_id") == response_id:
                    audio.append(base64.b64decode(e["delta"]))
                elif t == "response.output_audio_transcript.done" and e.get("response_id") == response_id:
                    summary["answer"] = e["transcript"]
                    print("agent:", e["transcript"], flush=True)
                elif t == "response.done" and e["response"]["id"] == response_id:
                    summary["status"] = e["response"]["status"]
                    done.set_result(True)
                    return
                elif t == "error":
                    print("server error:", e.get("error"), file=sys.stderr, flush=True)

        receiver = asyncio.create_task(receive())
        await asyncio.wait_for(configured.wait(), 10)
        # The microphone: half a second of silence, the question, then silence until the answer is complete.
        stream = bytes(RATE) + question
        chunk = RATE * 2 * CHUNK_MS // 1000
        t0 = time.monotonic()
        n = 0
        while not done.done() and n * chunk < len(stream) + RATE * 2 * 30:
            piece = stream[n * chunk:(n + 1) * chunk] or bytes(chunk)
            await ws.send(json.dumps({"type": "input_audio_buffer.append",
                                      "audio": base64.b64encode(piece).decode("ascii")}))
            n += 1
            await asyncio.sleep(max(0.0, t0 + n * CHUNK_MS / 1000 - time.monotonic()))
        await asyncio.wait_for(receiver, 60)
    pcm = b"".join(audio)
    write_wav(output, pcm)
    summary["answerAudioMs"] = len(pcm) // 2 * 1000 // RATE
    print(f"wrote {output} ({summary['answerAudioMs']} ms of audio)")
    print(json.dumps(summary))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python3 spoken_turn.py question.wav answer.wav")
    asyncio.run(spoken_turn(read_wav(sys.argv[1]), sys.argv[2]))
