// The `openai` npm package completes a text turn against Parley over wss: its GA client (OpenAIRealtimeWS from
// openai/realtime/ws), or with PARLEY_DIALECT=beta its beta client (openai/beta/realtime/ws, header
// OpenAI-Beta: realtime=v1), which must be answered in the beta dialect.
// Env: PARLEY_PORT, PARLEY_KEY, PARLEY_CA (PEM of the server's self-signed certificate), PARLEY_DIALECT (ga|beta).
// Prints one JSON line: {"events":[...types...], "text": "...", "status": "..."}.
import fs from 'node:fs';
import OpenAI from 'openai';

const beta = process.env.PARLEY_DIALECT === 'beta';
const dialect = beta
  ? { module: 'openai/beta/realtime/ws', model: 'gpt-4o-realtime-preview', textDelta: 'response.text.delta',
      greeting: 'hello from the beta client',
      session: { modalities: ['text'], temperature: 0.8, turn_detection: null } }
  : { module: 'openai/realtime/ws', model: 'gpt-realtime', textDelta: 'response.output_text.delta',
      greeting: 'hello from openai-node',
      session: { type: 'realtime', output_modalities: ['text'] } };
const { OpenAIRealtimeWS } = await import(dialect.module);

const port = process.env.PARLEY_PORT;
const client = new OpenAI({ apiKey: process.env.PARLEY_KEY, baseURL: `https://127.0.0.1:${port}/v1` });
const rt = new OpenAIRealtimeWS(
  { model: dialect.model, options: { ca: fs.readFileSync(process.env.PARLEY_CA) } },
  client,
);
const seen = [];
let text = '';
const fail = (why) => { console.error(why); process.exit(2); };
setTimeout(() => fail('timeout: saw ' + seen.join(',')), 20000).unref();

rt.on('event', (e) => seen.push(e.type));
rt.on('error', (e) => fail('error: ' + (e?.message ?? e)));
rt.on('session.created', () => {
  rt.send({ type: 'session.update', session: dialect.session });
  rt.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: dialect.greeting }] },
  });
  rt.send({ type: 'response.create' });
});
rt.on(dialect.textDelta, (e) => { text += e.delta; });
rt.on('response.done', (e) => {
  console.log(JSON.stringify({ events: seen, text, status: e.response.status }));
  rt.close();
  setTimeout(() => process.exit(0), 100);
});
