// A stock gRPC client of Parley: @grpc/grpc-js with @grpc/proto-loader loads Parley's .proto files (the
// parley-grpc-proto sources, PARLEY_PROTO_DIR) and calls parley.realtime.v1.Realtime/Connect on PARLEY_GRPC_PORT.
// It streams a recorded spoken question (PARLEY_WEATHER, raw pcm16 24 kHz) at real-time pace as typed appends
// (raw bytes), reads the typed server events (audio as bytes, transcripts, response lifecycle) and the JSON
// fallback of the rest, writes the answer's audio to PARLEY_ANSWER_OUT and reports what the JUnit side checks
// (GrpcNodeClientE2EIT), in the same shape as the WebSocket clients' spoken-question scenario.
import fs from 'node:fs';
import path from 'node:path';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { EventLog, Microphone, deadline, fail, pcmFromEnv, report, sleep, summarize, voiceTurnIds } from './e2e-common.mjs';

const protoDir = process.env.PARLEY_PROTO_DIR;
const definition = protoLoader.loadSync(path.join(protoDir, 'parley/realtime/v1/realtime.proto'), {
  keepCase: true, longs: Number, enums: String, defaults: false, oneofs: true, includeDirs: [protoDir],
});
const { Realtime } = grpc.loadPackageDefinition(definition).parley.realtime.v1;
const client = new Realtime(`127.0.0.1:${process.env.PARLEY_GRPC_PORT}`, grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set('authorization', `Bearer ${process.env.PARLEY_API_KEY}`);

deadline(60_000, () => `events so far: ${log.types.join(', ')}`);
const log = new EventLog();
const answer = [];
const call = client.Connect(md);
call.on('data', (e) => {
  const o = asWebSocketShape(e);
  if (o.type === 'response.output_audio.delta') answer.push(e.audio_delta.audio);
  log.add(o);
});
const ended = new Promise((resolve) => {
  call.on('status', (s) => resolve(s));
  call.on('error', () => {});
});

/** The event as the WebSocket would show it, from the typed message (or the JSON fallback). */
function asWebSocketShape(e) {
  switch (e.payload) {
    case 'json': return JSON.parse(e.json);
    case 'audio_delta': return { type: e.type, response_id: e.audio_delta.response_id, item_id: e.audio_delta.item_id,
      delta: Buffer.from(e.audio_delta.audio).toString('base64') };
    case 'text_delta': return { type: e.type, item_id: e.text_delta.item_id, response_id: e.text_delta.response_id,
      delta: e.text_delta.delta };
    case 'text_done': return { type: e.type, item_id: e.text_done.item_id, transcript: e.text_done.text, text: e.text_done.text };
    case 'response': return { type: e.type, response: JSON.parse(e.response.response_json) };
    case 'speech': return { type: e.type, item_id: e.speech.item_id };
    case 'error': return { type: e.type, error: e.error };
    default: fail(`event without payload: ${JSON.stringify(e)}`);
  }
}

await log.wait('session.created');
const mic = new Microphone((pcm) => call.write({ type: 'input_audio_buffer.append', input_audio_buffer_append: { audio: pcm } }));
mic.start();
await sleep(600);
const from = log.mark();
mic.say(pcmFromEnv('PARLEY_WEATHER'));
const done = await log.wait('response.done');
await log.wait('conversation.item.input_audio_transcription.completed');
mic.stop();
const audio = Buffer.concat(answer.map((a) => Buffer.from(a)));
fs.writeFileSync(process.env.PARLEY_ANSWER_OUT, audio);
call.end(); // half-close: nothing in flight, so the server completes the stream
const status = await ended;
report({
  events: log.typesSince(from),
  heard: log.all('conversation.item.input_audio_transcription.completed').map((e) => e.transcript),
  ids: voiceTurnIds(log),
  response: summarize(done.response),
  audioBytes: audio.length,
  status: status.code,
});
process.exit(0);
