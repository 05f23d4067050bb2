// The `openai` npm package's OpenAIRealtimeWS completes a text turn against Parley over wss.
// Env: PARLEY_PORT, PARLEY_KEY, PARLEY_CA (PEM of the server's self-signed certificate).
// Prints one JSON line: {"events":[...types...], "text": "...", "status": "..."}.
import fs from 'node:fs';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';

const port = process.env.PARLEY_PORT;
const client = new OpenAI({ apiKey: process.env.PARLEY_KEY, baseURL: `https://127.0.0.1:${port}/v1` });
const rt = new OpenAIRealtimeWS(
  { model: 'gpt-realtime', options: { ca: fs.readFileSync(process.env.PARLEY_CA) } },
  client,
);
const seen = [];
let text = '';
const fail = (why) => { console.error(why); process.exit(2); };
setTimeout(() => fail('timeout: saw ' + seen.join(',')), 20000).unref();

rt.on('event', (e) => seen.push(e.type));
rt.on('error', (e) => fail('error: ' + (e?.message ?? e)));
rt.on('session.created', () => {
  rt.send({ type: 'session.update', session: { type: 'realtime', output_modalities: ['text'] } });
  rt.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hello from openai-node' }] },
  });
  rt.send({ type: 'response.create' });
});
rt.on('response.output_text.delta', (e) => { text += e.delta; });
rt.on('response.done', (e) => {
  console.log(JSON.stringify({ events: seen, text, status: e.response.status }));
  rt.close();
  setTimeout(() => process.exit(0), 100);
});
