// @openai/agents-realtime hears the server's speech_started mid-answer: it stops "playback", truncates the
// assistant item to what it played and retrieves it. Env: PARLEY_PORT, PARLEY_KEY.
// Prints one JSON line: {"audioEndMs": n, "heard": "...", "full": "...", "doneStatus": "...", "reason": "..."}.
import { RealtimeAgent, RealtimeSession, OpenAIRealtimeWebSocket } from '@openai/agents-realtime';

const url = `ws://127.0.0.1:${process.env.PARLEY_PORT}/v1/realtime?model=gpt-realtime`;
const agent = new RealtimeAgent({ name: 'Talker', instructions: 'Talk.' });
const transport = new OpenAIRealtimeWebSocket({ url, useInsecureApiKey: true });
const session = new RealtimeSession(agent, { transport, model: 'gpt-realtime' });
const result = { interrupted: false };
const fail = (why) => { console.error(why); process.exit(2); };
setTimeout(() => fail('timeout: ' + JSON.stringify(result)), 20000).unref();

session.on('error', (e) => fail('error: ' + JSON.stringify(e.error ?? e)));
session.on('audio_interrupted', () => { result.interrupted = true; });
session.on('transport_event', (e) => {
  if (e.type === 'response.output_audio_transcript.done') result.full = e.transcript;
  if (e.type === 'response.done') {
    result.doneStatus = e.response.status;
    result.reason = e.response.status_details?.reason;
  }
  if (e.type === 'conversation.item.truncated') result.audioEndMs = e.audio_end_ms;
  if (e.type === 'conversation.item.retrieved' && result.audioEndMs !== undefined) {
    result.heard = e.item.content?.[0]?.transcript;
    console.log(JSON.stringify(result));
    session.close();
    setTimeout(() => process.exit(0), 100);
  }
});
await session.connect({ apiKey: process.env.PARLEY_KEY, url });
session.sendMessage('tell me a story');
