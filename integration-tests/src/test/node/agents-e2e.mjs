// @openai/agents-realtime (RealtimeSession over OpenAIRealtimeWebSocket, ws:// URL, SDK defaults: semantic_vad,
// audio out) drives one scenario against `parley serve` and prints one JSON line with what the JUnit side
// (AgentsRealtimeE2EIT) asserts on. Usage: node agents-e2e.mjs live-captions|spoken-question|barge-in|text-turn|tool-call
// Env: PARLEY_PORT, PARLEY_KEY, PARLEY_WEATHER and PARLEY_BARGE_IN (raw pcm16 24 kHz speech files).
import { RealtimeAgent, RealtimeSession, OpenAIRealtimeWebSocket, tool } from '@openai/agents-realtime';
import { z } from 'zod';
import { EventLog, Microphone, captions, deadline, transcriptionOutcome, fail, pcmFromEnv, report, sleep, summarize, voiceTurnIds } from './e2e-common.mjs';

const scenario = process.argv[2];
const url = `ws://127.0.0.1:${process.env.PARLEY_PORT}/v1/realtime?model=gpt-realtime`;
const toolRuns = [];
const getWeather = tool({
  name: 'get_weather',
  description: 'Get the current weather for a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    toolRuns.push(city);
    return JSON.stringify({ city, temperature_c: 18, sky: 'cloudy' });
  },
});
const agent = new RealtimeAgent({
  name: 'Parley e2e agent',
  instructions: 'Answer briefly.',
  tools: scenario === 'tool-call' ? [getWeather] : [],
});
const session = new RealtimeSession(agent, { transport: new OpenAIRealtimeWebSocket({ url }), model: 'gpt-realtime' });
const log = new EventLog();
const sdk = { interrupted: 0, agentEnds: [], toolStarts: [] };
const mic = new Microphone((pcm) => session.sendAudio(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.length)));
deadline(60000, () => `${scenario}: saw ${log.types.join(',')}`);

session.on('transport_event', (e) => log.add(e));
session.on('error', (e) => fail(`${scenario}: session error: ${JSON.stringify(e.error ?? e)}`));
session.on('audio_interrupted', () => { sdk.interrupted++; });
session.on('agent_end', (_ctx, _agent, output) => { sdk.agentEnds.push(output); });
session.on('agent_tool_start', (_ctx, _agent, t) => { sdk.toolStarts.push(t.name); });

function audioBytesOf(responseId) {
  return log.all('response.output_audio.delta').filter((e) => e.response_id === responseId)
    .reduce((sum, e) => sum + e.bytes, 0);
}

function heard() {
  return log.all('conversation.item.input_audio_transcription.completed').map((e) => e.transcript);
}

/** The SDK's own view of the conversation: role, type and text of each item. */
function history() {
  return session.history.map((i) => ({
    type: i.type,
    role: i.role,
    name: i.name,
    status: i.status,
    text: (i.content ?? []).map((c) => c.transcript ?? c.text ?? '').join(' ').trim(),
  }));
}

async function spokenQuestion() {
  mic.start();
  await sleep(600);
  const from = log.mark();
  mic.say(pcmFromEnv('PARLEY_WEATHER'));
  const done = await log.wait('response.done');
  await log.wait('conversation.item.input_audio_transcription.completed');
  await sleep(200); // let the SDK fold the last events into its history
  return {
    turnDetection: log.all('session.updated').at(-1).session.audio.input.turn_detection,
    events: log.typesSince(from),
    heard: heard(),
    ids: voiceTurnIds(log),
    response: summarize(done.response),
    audioBytes: audioBytesOf(done.response.id),
    history: history(),
  };
}

async function bargeIn() {
  mic.start();
  const from = log.mark();
  session.sendMessage('Tell me a six sentence story about a dragon.');
  await log.wait('response.output_audio.delta');
  // From 400 ms into the recording (its voice starts at ~580 ms), so the interruption is heard while the story
  // is surely still being generated.
  mic.say(pcmFromEnv('PARLEY_BARGE_IN').subarray(48 * 400));
  const cancelled = await log.wait('response.done', 1);
  // The SDK truncates what it "played" itself on speech_started (§5.5) and retrieves the item.
  const truncated = await log.wait('conversation.item.truncated');
  const retrieved = await log.wait('conversation.item.retrieved', 1, (e) => e.item.id === truncated.item_id);
  const next = await log.wait('response.done', 2);
  await log.wait('conversation.item.input_audio_transcription.completed');
  await sleep(200);
  return {
    events: log.typesSince(from),
    cancelled: summarize(cancelled.response),
    storyAudioBytes: audioBytesOf(cancelled.response.id),
    truncated: { item_id: truncated.item_id, audio_end_ms: truncated.audio_end_ms },
    heardStory: retrieved.item.content[0].transcript,
    heard: heard(),
    next: summarize(next.response),
    nextAudioBytes: audioBytesOf(next.response.id),
    interrupted: sdk.interrupted,
    history: history(),
  };
}

async function textTurn() {
  const from = log.mark();
  session.sendMessage('What is two plus three?');
  const done = await log.wait('response.done');
  await sleep(200);
  return {
    events: log.typesSince(from),
    response: summarize(done.response),
    audioBytes: audioBytesOf(done.response.id),
    agentEnds: sdk.agentEnds,
    history: history(),
  };
}

async function toolCall() {
  const from = log.mark();
  session.sendMessage('What is the weather in Paris?');
  const call = await log.wait('response.done', 1);
  // The SDK runs the tool, sends function_call_output and response.create by itself.
  const answer = await log.wait('response.done', 2);
  await sleep(200);
  return {
    events: log.typesSince(from),
    toolRuns,
    toolStarts: sdk.toolStarts,
    call: summarize(call.response),
    answer: summarize(answer.response),
    answerAudioBytes: audioBytesOf(answer.response.id),
    history: history(),
  };
}

/** A long question, spoken: the SDK takes the live deltas and the revision event in its stride. */
async function liveCaptions() {
  mic.start();
  await sleep(600);
  const from = log.mark();
  mic.say(pcmFromEnv('PARLEY_LONG'));
  const outcome = await transcriptionOutcome(log);
  if (outcome.type.endsWith('.failed')) fail(`live-captions: transcription failed: ${JSON.stringify(outcome.error)}`);
  await log.wait('response.done');
  await sleep(300); // let the SDK fold the retrieved item into its history
  return { events: log.typesSince(from), heard: heard(), captions: captions(log), history: history() };
}

const scenarios = { 'live-captions': liveCaptions, 'spoken-question': spokenQuestion, 'barge-in': bargeIn, 'text-turn': textTurn, 'tool-call': toolCall };
if (!scenarios[scenario]) fail(`unknown scenario '${scenario}'; one of ${Object.keys(scenarios).join(', ')}`);
await session.connect({ apiKey: process.env.PARLEY_KEY, url });
await log.wait('session.updated');
const result = await scenarios[scenario]();
mic.stop();
report({ scenario, ...result });
session.close();
setTimeout(() => process.exit(0), 100);
