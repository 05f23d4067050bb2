// @openai/agents-realtime's RealtimeSession over OpenAIRealtimeWebSocket completes a text turn against Parley.
// Env: PARLEY_PORT, PARLEY_KEY. Prints one JSON line: {"output": "...", "events": [...], "history": n}.
import { RealtimeAgent, RealtimeSession, OpenAIRealtimeWebSocket } from '@openai/agents-realtime';

const url = `ws://127.0.0.1:${process.env.PARLEY_PORT}/v1/realtime?model=gpt-realtime`;
const agent = new RealtimeAgent({ name: 'Parley test agent', instructions: 'Answer briefly.' });
const transport = new OpenAIRealtimeWebSocket({ url, useInsecureApiKey: true });
const session = new RealtimeSession(agent, {
  transport,
  model: 'gpt-realtime',
  config: { outputModalities: ['text'] },
});
const seen = [];
const fail = (why) => { console.error(why); process.exit(2); };
setTimeout(() => fail('timeout: saw ' + seen.join(',')), 20000).unref();

session.on('transport_event', (e) => seen.push(e.type));
session.on('error', (e) => fail('error: ' + JSON.stringify(e.error ?? e)));
session.on('agent_end', (_ctx, _agent, output) => {
  console.log(JSON.stringify({ output, events: seen, history: session.history.length }));
  session.close();
  setTimeout(() => process.exit(0), 100);
});
await session.connect({ apiKey: process.env.PARLEY_KEY, url });
session.sendMessage('hello from agents');
