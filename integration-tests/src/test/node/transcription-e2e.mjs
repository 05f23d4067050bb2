// The official `openai` npm client (OpenAIRealtimeWS with `intent: 'transcription'`, wss trusting Parley's
// self-signed certificate) opens a transcription session against `parley serve`, configures it, speaks one long
// question and prints one JSON line for TranscriptionSessionE2EIT. Usage: node transcription-e2e.mjs ga|beta
// `beta` is a beta-era client: the same connection with the `OpenAI-Beta: realtime=v1` header (what the beta
// transcription guide told clients to send; the SDK's beta class cannot ask for the intent) and a
// `transcription_session.update` instead of a GA `session.update`.
// Env: PARLEY_PORT, PARLEY_CA (certificate PEM), PARLEY_LONG (raw pcm16 24 kHz speech).
import fs from 'node:fs';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import { EventLog, Microphone, captions, deadline, fail, pcmFromEnv, report, sleep, transcriptionOutcome } from './e2e-common.mjs';

const dialect = process.argv[2];
if (dialect !== 'ga' && dialect !== 'beta') fail(`unknown dialect '${dialect}'; one of ga, beta`);
const client = new OpenAI({ apiKey: 'sk-e2e', baseURL: `https://127.0.0.1:${process.env.PARLEY_PORT}/v1` });
const headers = dialect === 'beta' ? { 'OpenAI-Beta': 'realtime=v1' } : {};
const rt = new OpenAIRealtimeWS({ intent: 'transcription', options: { ca: fs.readFileSync(process.env.PARLEY_CA), headers } }, client);
const log = new EventLog();
const mic = new Microphone((pcm) => rt.send({ type: 'input_audio_buffer.append', audio: pcm.toString('base64') }));
deadline(60000, () => `transcription ${dialect}: saw ${log.types.join(',')}`);
rt.on('event', (e) => log.add(e));
rt.on('error', (e) => fail(`transcription ${dialect}: client error: ${e?.message ?? JSON.stringify(e)}`));

const VAD = { type: 'server_vad', silence_duration_ms: 500 };
const UPDATE = dialect === 'ga'
  ? { type: 'session.update', session: { type: 'transcription', audio: { input: { format: { type: 'audio/pcm', rate: 24000 }, transcription: { model: 'gpt-4o-transcribe' }, turn_detection: VAD } } } }
  : { type: 'transcription_session.update', session: { input_audio_format: 'pcm16', input_audio_transcription: { model: 'gpt-4o-transcribe' }, turn_detection: VAD } };
const UPDATED = dialect === 'ga' ? 'session.updated' : 'transcription_session.updated';

const created = (await log.wait('session.created')).session;
rt.send(UPDATE);
const updated = (await log.wait(UPDATED)).session;
mic.start();
await sleep(600);
const from = log.mark();
mic.say(pcmFromEnv('PARLEY_LONG'));
const outcome = await transcriptionOutcome(log);
if (outcome.type.endsWith('.failed')) fail(`transcription ${dialect}: failed: ${JSON.stringify(outcome.error)}`);
// A transcription session never answers: anything that would start one comes within the silence that follows.
await sleep(2000);
mic.stop();
report({
  dialect,
  created: { object: created.object, type: created.type ?? null },
  updated: { type: UPDATED, object: updated.object, transcription: dialect === 'ga' ? updated.audio?.input?.transcription : updated.input_audio_transcription },
  events: log.typesSince(from),
  errors: log.all('error').map((e) => e.error),
  heard: log.all('conversation.item.input_audio_transcription.completed').map((e) => e.transcript),
  captions: captions(log),
});
rt.close();
setTimeout(() => process.exit(0), 100);
