// The `openai` npm package's beta client (openai/beta/realtime/ws, header OpenAI-Beta: realtime=v1) completes a
// text turn in the beta dialect over wss. Env: PARLEY_PORT, PARLEY_KEY, PARLEY_CA.
// Prints one JSON line: {"events":[...types...], "text": "...", "status": "..."}.
import fs from 'node:fs';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/beta/realtime/ws';

const port = process.env.PARLEY_PORT;
const client = new OpenAI({ apiKey: process.env.PARLEY_KEY, baseURL: `https://127.0.0.1:${port}/v1` });
const rt = new OpenAIRealtimeWS(
  { model: 'gpt-4o-realtime-preview', options: { ca: fs.readFileSync(process.env.PARLEY_CA) } },
  client,
);
const seen = [];
let text = '';
const fail = (why) => { console.error(why); process.exit(2); };
setTimeout(() => fail('timeout: saw ' + seen.join(',')), 20000).unref();

rt.on('event', (e) => seen.push(e.type));
rt.on('error', (e) => fail('error: ' + (e?.message ?? e)));
rt.on('session.created', () => {
  rt.send({ type: 'session.update', session: { modalities: ['text'], temperature: 0.8, turn_detection: null } });
  rt.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hello from the beta client' }] },
  });
  rt.send({ type: 'response.create' });
});
rt.on('response.text.delta', (e) => { text += e.delta; });
rt.on('response.done', (e) => {
  console.log(JSON.stringify({ events: seen, text, status: e.response.status }));
  rt.close();
  setTimeout(() => process.exit(0), 100);
});
