// The official `openai` npm client (OpenAIRealtimeWS over wss, trusting Parley's self-signed certificate) drives
// one scenario against `parley serve` and prints one JSON line with what the JUnit side (OpenAiClientE2EIT)
// asserts on. Usage: node openai-e2e.mjs telephone|live-captions|spoken-question|barge-in|text-turn|tool-call
// Env: PARLEY_PORT, PARLEY_CA (certificate PEM), PARLEY_WEATHER and PARLEY_BARGE_IN (raw pcm16 24 kHz speech files).
import fs from 'node:fs';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import { EventLog, Microphone, captions, deadline, transcriptionOutcome, fail, pcmFromEnv, report, sleep, summarize, voiceTurnIds } from './e2e-common.mjs';

const scenario = process.argv[2];
const client = new OpenAI({ apiKey: 'sk-e2e', baseURL: `https://127.0.0.1:${process.env.PARLEY_PORT}/v1` });
const rt = new OpenAIRealtimeWS(
  { model: 'gpt-realtime', options: { ca: fs.readFileSync(process.env.PARLEY_CA) } },
  client,
);
const log = new EventLog();
const mic = new Microphone((pcm) => rt.send({ type: 'input_audio_buffer.append', audio: pcm.toString('base64') }));
deadline(scenario === 'tool-call-truncate' ? 120000 : 60000, () => `${scenario}: saw ${log.types.join(',')}`);

rt.on('event', (e) => log.add(e));
rt.on('error', (e) => fail(`${scenario}: client error: ${e?.message ?? JSON.stringify(e)}`));

const VOICE_SESSION = {
  type: 'realtime',
  audio: {
    input: {
      transcription: { model: 'gpt-4o-transcribe' },
      turn_detection: { type: 'server_vad', silence_duration_ms: 500 },
    },
  },
};

const WEATHER_TOOL = {
  type: 'function',
  name: 'get_weather',
  description: 'Get the current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

async function updateSession(session) {
  const n = log.all('session.updated').length + 1;
  rt.send({ type: 'session.update', session });
  return (await log.wait('session.updated', n)).session;
}

function audioBytesOf(responseId) {
  return log.all('response.output_audio.delta').filter((e) => e.response_id === responseId)
    .reduce((sum, e) => sum + e.bytes, 0);
}

function heard() {
  return log.all('conversation.item.input_audio_transcription.completed').map((e) => e.transcript);
}

async function spokenQuestion() {
  const session = await updateSession(VOICE_SESSION);
  mic.start();
  await sleep(600);
  const from = log.mark();
  mic.say(pcmFromEnv('PARLEY_WEATHER'));
  const done = await log.wait('response.done');
  const timing = await log.wait('parley.response.timing');
  await log.wait('conversation.item.input_audio_transcription.completed');
  return {
    turnDetection: session.audio.input.turn_detection,
    events: log.typesSince(from),
    heard: heard(),
    ids: voiceTurnIds(log),
    response: summarize(done.response),
    audioBytes: audioBytesOf(done.response.id),
    timing: { ttfa_ms: timing.ttfa_ms, stages_ms: timing.stages_ms },
  };
}

async function bargeIn() {
  await updateSession(VOICE_SESSION);
  mic.start();
  rt.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Tell me a six sentence story about a dragon.' }] },
  });
  const from = log.mark();
  rt.send({ type: 'response.create' });
  const firstDelta = await log.wait('response.output_audio.delta');
  const firstDeltaAt = Date.now();
  // From 400 ms into the recording (its voice starts at ~580 ms), so the interruption is heard while the story
  // is surely still being generated.
  mic.say(pcmFromEnv('PARLEY_BARGE_IN').subarray(48 * 400));
  const cancelled = await log.wait('response.done', 1);
  const story = cancelled.response.output.find((i) => i.type === 'message');
  // What a WebSocket client does after an interruption (§5.5): truncate the assistant item to what it played.
  const receivedMs = Math.floor(audioBytesOf(cancelled.response.id) / 48);
  const playedMs = Math.min(receivedMs, Date.now() - firstDeltaAt);
  rt.send({ type: 'conversation.item.truncate', item_id: story.id, content_index: 0, audio_end_ms: playedMs });
  const truncated = await log.wait('conversation.item.truncated');
  rt.send({ type: 'conversation.item.retrieve', item_id: story.id });
  const retrieved = await log.wait('conversation.item.retrieved', 1, (e) => e.item.id === story.id);
  const next = await log.wait('response.done', 2);
  await log.wait('conversation.item.input_audio_transcription.completed');
  return {
    events: log.typesSince(from),
    firstDeltaItem: firstDelta.item_id,
    cancelled: summarize(cancelled.response),
    storyAudioBytes: audioBytesOf(cancelled.response.id),
    truncated: { item_id: truncated.item_id, audio_end_ms: truncated.audio_end_ms, sent: playedMs },
    heardStory: retrieved.item.content[0].transcript,
    heard: heard(),
    next: summarize(next.response),
    nextAudioBytes: audioBytesOf(next.response.id),
  };
}

async function textTurn() {
  await updateSession({ type: 'realtime', output_modalities: ['text'] });
  const from = log.mark();
  rt.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What is two plus three?' }] },
  });
  rt.send({ type: 'response.create' });
  const done = await log.wait('response.done');
  await log.wait('rate_limits.updated');
  return { events: log.typesSince(from), response: summarize(done.response) };
}

async function toolCall() {
  await updateSession({ ...VOICE_SESSION, tools: [WEATHER_TOOL], tool_choice: 'auto' });
  mic.start();
  await sleep(600);
  const from = log.mark();
  mic.say(pcmFromEnv('PARLEY_WEATHER'));
  const call = await log.wait('response.done', 1);
  const fc = call.response.output.find((i) => i.type === 'function_call');
  if (!fc) return { events: log.typesSince(from), call: summarize(call.response), heard: heard() };
  const output = JSON.stringify({ temperature_c: 21, sky: 'sunny' });
  // Audio keeps flowing (silence) while the client runs its tool.
  await sleep(300);
  rt.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: fc.call_id, output } });
  rt.send({ type: 'response.create' });
  const answer = await log.wait('response.done', 2);
  return {
    events: log.typesSince(from),
    heard: heard(),
    argumentsDone: log.all('response.function_call_arguments.done').map((e) => ({ name: e.name, call_id: e.call_id, arguments: e.arguments })),
    call: summarize(call.response),
    answer: summarize(answer.response),
    answerAudioBytes: audioBytesOf(answer.response.id),
  };
}

/**
 * One session for a recording to replay (RecordReplayIdsIT): the spoken weather question, the function call it
 * asks for and the client's output, then a spoken story request interrupted by the user and truncated to what was
 * played, and the truncated item retrieved. Every client event after the question names a server id.
 */
async function toolCallTruncate() {
  const tool = await toolCall();
  if (!tool.argumentsDone?.length) return { tool };
  const n = log.all('response.done').length;
  rt.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Tell me a six sentence story about a dragon.' }] },
  });
  rt.send({ type: 'response.create' });
  await log.wait('response.output_audio.delta', log.all('response.output_audio.delta').length + 1);
  const firstDeltaAt = Date.now();
  mic.say(pcmFromEnv('PARLEY_BARGE_IN').subarray(48 * 400));
  const cancelled = await log.wait('response.done', n + 1);
  const story = cancelled.response.output.find((i) => i.type === 'message');
  const playedMs = Math.min(Math.floor(audioBytesOf(cancelled.response.id) / 48), Date.now() - firstDeltaAt);
  rt.send({ type: 'conversation.item.truncate', item_id: story.id, content_index: 0, audio_end_ms: playedMs });
  const truncated = await log.wait('conversation.item.truncated');
  rt.send({ type: 'conversation.item.retrieve', item_id: story.id });
  await log.wait('conversation.item.retrieved', 1, (e) => e.item.id === story.id);
  await log.wait('response.done', n + 2);
  return {
    tool,
    cancelled: summarize(cancelled.response),
    truncated: { item_id: truncated.item_id, audio_end_ms: truncated.audio_end_ms },
    storyId: story.id,
    heard: heard(),
  };
}

/**
 * A telephone caller: the weather question as 8 kHz G.711, first μ-law then A-law (20 ms = 160-byte chunks), with
 * the answer asked in the same format.
 */
async function telephone() {
  const turns = [];
  for (const [type, env, silence] of [['audio/pcmu', 'PARLEY_PCMU', 0xff], ['audio/pcma', 'PARLEY_PCMA', 0xd5]]) {
    const session = await updateSession({
      ...VOICE_SESSION,
      audio: { ...VOICE_SESSION.audio, input: { ...VOICE_SESSION.audio.input, format: { type } }, output: { format: { type } } },
    });
    const phone = new Microphone((b) => rt.send({ type: 'input_audio_buffer.append', audio: b.toString('base64') }), 20, 8, silence);
    const n = log.all('response.done').length + 1;
    phone.start();
    await sleep(400);
    phone.say(fs.readFileSync(process.env[env]));
    const done = await log.wait('response.done', n);
    const heardNow = await transcriptionOutcome(log, n);
    phone.stop();
    turns.push({
      format: type,
      input: session.audio.input.format.type,
      output: session.audio.output.format.type,
      heard: heardNow.transcript ?? `(${heardNow.type}: ${heardNow.error?.message})`,
      response: summarize(done.response),
      audioBytes: audioBytesOf(done.response.id),
    });
  }
  return { turns };
}

/** A long question, spoken: the caption grows while the user speaks and ends as the final transcript. */
async function liveCaptions() {
  await updateSession(VOICE_SESSION);
  mic.start();
  await sleep(600);
  const from = log.mark();
  mic.say(pcmFromEnv('PARLEY_LONG'));
  const outcome = await transcriptionOutcome(log);
  if (outcome.type.endsWith('.failed')) fail(`live-captions: transcription failed: ${JSON.stringify(outcome.error)}`);
  await log.wait('response.done');
  return { events: log.typesSince(from), heard: heard(), captions: captions(log) };
}

const scenarios = { telephone, 'live-captions': liveCaptions, 'spoken-question': spokenQuestion, 'barge-in': bargeIn, 'text-turn': textTurn, 'tool-call': toolCall, 'tool-call-truncate': toolCallTruncate };
if (!scenarios[scenario]) fail(`unknown scenario '${scenario}'; one of ${Object.keys(scenarios).join(', ')}`);
await log.wait('session.created');
const result = await scenarios[scenario]();
mic.stop();
report({ scenario, ...result });
rt.close();
setTimeout(() => process.exit(0), 100);
