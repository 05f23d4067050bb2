// @openai/agents-realtime runs a function tool the server asks for, sends its output, and gets the final answer.
// Env: PARLEY_PORT, PARLEY_KEY. Prints one JSON line: {"output": "...", "toolRuns": [...], "events": [...]}.
import { RealtimeAgent, RealtimeSession, OpenAIRealtimeWebSocket, tool } from '@openai/agents-realtime';
import { z } from 'zod';

const url = `ws://127.0.0.1:${process.env.PARLEY_PORT}/v1/realtime?model=gpt-realtime`;
const toolRuns = [];
const getWeather = tool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => { toolRuns.push(city); return `sunny in ${city}`; },
});
const agent = new RealtimeAgent({ name: 'Weather agent', instructions: 'Use tools.', tools: [getWeather] });
const transport = new OpenAIRealtimeWebSocket({ url, useInsecureApiKey: true });
const session = new RealtimeSession(agent, { transport, model: 'gpt-realtime', config: { outputModalities: ['text'] } });
const seen = [];
const fail = (why) => { console.error(why); process.exit(2); };
setTimeout(() => fail('timeout: saw ' + seen.join(',')), 20000).unref();

session.on('transport_event', (e) => seen.push(e.type));
session.on('error', (e) => fail('error: ' + JSON.stringify(e.error ?? e)));
session.on('agent_end', (_ctx, _agent, output) => {
  // The first response only calls the tool; the SDK may have run it before that response's agent_end fires, so
  // wait for the answer that carries text.
  if (toolRuns.length === 0 || !output) return;
  console.log(JSON.stringify({ output, toolRuns, events: seen }));
  session.close();
  setTimeout(() => process.exit(0), 100);
});
await session.connect({ apiKey: process.env.PARLEY_KEY, url });
session.sendMessage('weather in Paris?');
