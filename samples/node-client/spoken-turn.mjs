// A spoken turn with the official `openai` package: streams a WAV file to Parley as a microphone would (real-time
// pace, then silence), lets the server's VAD end the turn, prints what each side said and writes the spoken
// answer to a WAV file.
//
//   node spoken-turn.mjs question.wav answer.wav
//
// Env: PARLEY_URL  the server's base URL (default https://127.0.0.1:8080/v1; start it with
//                  `./parley serve --tls-self-signed`, the openai client speaks wss)
//      PARLEY_CA   the certificate PEM that serve printed, to trust it (optional for a trusted certificate)
//      OPENAI_API_KEY  the key the server accepts (any value for an open server)
// Last line on stdout: a JSON summary (the sample's test reads it).
import fs from 'node:fs';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';

const RATE = 24000;
const CHUNK_MS = 40;
const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node spoken-turn.mjs question.wav answer.wav');
  process.exit(64);
}

/** PCM16 WAV (any rate, mono or stereo) -> mono pcm16 at 24 kHz, as the session's default audio/pcm format. */
function readWav(path) {
  const b = fs.readFileSync(path);
  if (b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${path}: not a WAV file`);
  let pos = 12, rate = 0, channels = 0, bits = 0, data = null;
  while (pos + 8 <= b.length) {
    const id = b.toString('ascii', pos, pos + 4), size = b.readUInt32LE(pos + 4), body = pos + 8;
    if (id === 'fmt ') { channels = b.readUInt16LE(body + 2); rate = b.readUInt32LE(body + 4); bits = b.readUInt16LE(body + 14); }
    if (id === 'data') data = b.subarray(body, Math.min(b.length, body + size));
    pos = body + size + (size & 1);
  }
  if (!data || bits !== 16) throw new Error(`${path}: need 16-bit PCM, got ${bits} bits`);
  const frames = Math.floor(data.length / 2 / channels);
  const mono = new Float64Array(frames);
  for (let i = 0; i < frames; i++) {
    let s = 0;
    for (let c = 0; c < channels; c++) s += data.readInt16LE(2 * (i * channels + c));
    mono[i] = s / channels;
  }
  const n = Math.floor(frames * RATE / rate);
  const out = Buffer.alloc(2 * n);
  for (let i = 0; i < n; i++) {
    const p = i * rate / RATE, j = Math.floor(p), f = p - j;
    const a = mono[Math.min(j, frames - 1)], c = mono[Math.min(j + 1, frames - 1)];
    out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(a + (c - a) * f))), 2 * i);
  }
  return out;
}

function writeWav(path, pcm) {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + pcm.length, 4); h.write('WAVE', 8);
  h.write('fmt ', 12); h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22);
  h.writeUInt32LE(RATE, 24); h.writeUInt32LE(RATE * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34);
  h.write('data', 36); h.writeUInt32LE(pcm.length, 40);
  fs.writeFileSync(path, Buffer.concat([h, pcm]));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const question = readWav(input);
const baseURL = process.env.PARLEY_URL ?? 'https://127.0.0.1:8080/v1';
const ca = process.env.PARLEY_CA ? fs.readFileSync(process.env.PARLEY_CA) : undefined;
const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? 'sk-parley', baseURL });
const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: ca ? { ca } : {} }, client);

const summary = { heard: '', answer: '', answerAudioMs: 0, events: 0 };
const answerAudio = [];
let responseId = null;
let sessionUpdated;
const configured = new Promise((resolve) => { sessionUpdated = resolve; });
const finished = new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('no answer within 60 s')), 60000).unref();
  rt.on('error', (e) => reject(new Error(e?.message ?? JSON.stringify(e))));
  rt.on('event', (e) => {
    summary.events++;
    switch (e.type) {
      case 'session.updated':
        sessionUpdated();
        break;
      case 'conversation.item.input_audio_transcription.completed':
        summary.heard = e.transcript;
        console.log(`you:   ${e.transcript}`);
        break;
      case 'response.created':
        responseId ??= e.response.id;
        break;
      case 'response.output_audio.delta':
        if (e.response_id === responseId) answerAudio.push(Buffer.from(e.delta, 'base64'));
        break;
      case 'response.output_audio_transcript.done':
        if (e.response_id === responseId) {
          summary.answer = e.transcript;
          console.log(`agent: ${e.transcript}`);
        }
        break;
      case 'response.done':
        if (e.response.id === responseId) resolve(e.response);
        break;
      case 'error':
        console.error(`server error: ${e.error?.code}: ${e.error?.message}`);
        break;
    }
  });
});

await new Promise((resolve, reject) => { rt.socket.once('open', resolve); rt.socket.once('error', reject); });
rt.send({
  type: 'session.update',
  session: {
    type: 'realtime',
    audio: { input: { transcription: { model: 'gpt-4o-transcribe' }, turn_detection: { type: 'server_vad', silence_duration_ms: 500 } } },
  },
});
await configured;

// The microphone: half a second of silence, the question, then silence until the answer is complete.
const silence = Buffer.alloc(question.length === 0 ? 0 : (RATE * 2 * CHUNK_MS) / 1000);
const stream = Buffer.concat([Buffer.alloc(RATE), question]);
const chunkBytes = (RATE * 2 * CHUNK_MS) / 1000;
let done = false;
finished.finally(() => { done = true; }).catch(() => {});
const t0 = Date.now();
for (let off = 0, n = 0; !done; off += chunkBytes, n++) {
  const piece = off < stream.length ? stream.subarray(off, off + chunkBytes) : silence;
  rt.send({ type: 'input_audio_buffer.append', audio: piece.toString('base64') });
  const wait = t0 + (n + 1) * CHUNK_MS - Date.now();
  if (wait > 0) await sleep(wait);
  if (off > stream.length + RATE * 2 * 30) break; // 30 s of silence without an answer: give up
}

try {
  const response = await finished;
  const pcm = Buffer.concat(answerAudio);
  writeWav(output, pcm);
  summary.answerAudioMs = Math.round((pcm.length / 2) * 1000 / RATE);
  summary.status = response.status;
  console.log(`wrote ${output} (${summary.answerAudioMs} ms of audio)`);
  console.log(JSON.stringify(summary));
  rt.close();
} catch (e) {
  console.error(`spoken turn failed: ${e.message}`);
  process.exit(2);
}
