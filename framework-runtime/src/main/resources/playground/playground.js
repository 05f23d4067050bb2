// The playground's page logic: connects (WebRTC, or the WebSocket when WebRTC is unavailable or chosen), shows
// both sides' transcripts, the session's pipeline and variant, and one set of latency bars per response from
// Parley's parley.response.timing event. window.playground exposes the state for tests and for the console.
import { connectWebRtc, connectWebSocket } from './transports.js';
import { record } from './recorder.js';
import { TOOLS, answerCalls } from './tools.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = { connection: null, events: [], speaking: null, turns: new Map(), toolCalls: [], recorders: [] };
window.playground = state;
/** Records the agent's speech from now on; stop() on the handle returns { base64, ms } of a 24 kHz WAV. */
state.record = () => {
  const r = record(state.connection.outputStream());
  state.recorders.push(r);
  return { stop: () => { state.recorders = state.recorders.filter((x) => x !== r); return r.stop(); } };
};

$('key').value = params.get('key') ?? localStorage.getItem('parley.key') ?? '';
if (params.get('transport')) $('transport').value = params.get('transport');
if (!window.RTCPeerConnection) $('transport').value = 'websocket';

function status(text, kind) { $('status').textContent = text; $('status').dataset.state = kind; }

function sessionUpdate() {
  const [type, eagerness] = $('turn').value.split(':');
  const turnDetection = type === 'semantic_vad' ? { type, eagerness } : { type };
  return { type: 'session.update', session: { type: 'realtime', audio: {
    input: { transcription: { model: 'whisper-1' }, turn_detection: turnDetection },
    output: { voice: $('voice').value } }, tools: TOOLS } };
}

async function start() {
  const key = $('key').value.trim();
  localStorage.setItem('parley.key', key);
  $('start').disabled = true;
  status('connecting', 'idle');
  try {
    const options = { key, audioElement: $('agent-audio'), onEvent };
    const wanted = $('transport').value;
    try {
      state.connection = wanted === 'webrtc' ? await connectWebRtc(options) : await connectWebSocket(options);
    } catch (e) {
      if (wanted !== 'webrtc' || /\b401\b/.test(e.message)) throw e;
      error('WebRTC failed (' + e.message + '); falling back to the WebSocket');
      state.connection = await connectWebSocket(options);
    }
    $('transport-used').textContent = state.connection.kind + (state.connection.callId ? ' ' + state.connection.callId : '');
    state.connection.send(sessionUpdate());
    // the microphone opens once the session is live (see transports.js)
    state.mic = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: params.get('echo_cancellation') !== 'off', noiseSuppression: false, autoGainControl: false } });
    await state.connection.attachMicrophone(state.mic);
    state.micOpenedAt = performance.now();
    $('stop').disabled = false;
    $('interrupt').disabled = false;
    status('live', 'live');
  } catch (e) {
    error(e.message);
    status('failed', 'failed');
    $('start').disabled = false;
  }
}

function stop() {
  state.connection?.close();
  state.mic?.getTracks().forEach((t) => t.stop());
  state.connection = null;
  $('stop').disabled = true;
  $('interrupt').disabled = true;
  $('start').disabled = false;
  status('idle', 'idle');
}

function interrupt() {
  if (!state.connection) return;
  state.connection.interrupt(state.activeResponse);
  markInterrupted(state.lastAgentItem);
  status('interrupted', 'interrupted');
}

function onEvent(e) {
  e.playground_received_ms = Math.round(performance.now());
  state.events.push(e);
  state.recorders.forEach((r) => r.onEvent(e));
  switch (e.type) {
    case 'response.created': state.activeResponse = e.response.id; break;
    case 'session.created':
    case 'session.updated': showSession(e.session); break;
    case 'conversation.item.input_audio_transcription.delta': turn(e.item_id, 'user').append(e.delta); break;
    case 'conversation.item.input_audio_transcription.completed': turn(e.item_id, 'user').set(e.transcript); break;
    case 'response.output_audio_transcript.delta':
    case 'response.output_text.delta': turn(e.item_id, 'agent').append(e.delta); state.speaking = e.item_id; state.lastAgentItem = e.item_id; break;
    case 'response.output_audio_transcript.done': turn(e.item_id, 'agent').set(e.transcript); break;
    case 'output_audio_buffer.started': status('agent speaking', 'speaking'); break;
    case 'output_audio_buffer.stopped': status('live', 'live'); break;
    case 'output_audio_buffer.cleared':
    case 'input_audio_buffer.speech_started':
      if (state.speaking) { markInterrupted(state.speaking); status('interrupted', 'interrupted'); }
      break;
    case 'response.done':
      if (e.response.status === 'cancelled') for (const i of e.response.output ?? []) markInterrupted(i.id);
      state.speaking = null;
      state.activeResponse = null;
      if (e.response.status === 'completed') toolCalls(e);
      break;
    case 'parley.response.timing': latency(e); break;
    case 'error': error(e.error?.message ?? JSON.stringify(e.error)); break;
    case 'playground.closed': if (state.connection) { error('the server closed the session: ' + e.code + ' ' + e.reason); stop(); } break;
    default:
  }
}

/** The demo tool's calls are answered at once and shown as their own turn: name, arguments and the output sent. */
function toolCalls(e) {
  for (const call of answerCalls(e.response, state.connection.send, e.playground_received_ms)) {
    state.toolCalls.push(call);
    turn(call.call_id, 'tool').set(call.name + '(' + (call.arguments || '') + ') → ' + JSON.stringify(call.output));
  }
}

function showSession(s) {
  $('pipeline').textContent = s?.parley?.pipeline ?? '–';
  $('variant').textContent = s?.parley?.variant ?? '(none)';
  $('session-id').textContent = s?.id ?? '–';
}

function turn(itemId, who) {
  let t = state.turns.get(itemId);
  if (!t) {
    const div = document.createElement('div');
    div.className = 'turn ' + who;
    div.dataset.item = itemId;
    div.innerHTML = '<span class="who"></span><span class="text"></span>';
    div.querySelector('.who').textContent = who === 'user' ? 'you' : who;
    $('transcript').append(div);
    const text = div.querySelector('.text');
    t = { div, append: (s) => { text.textContent += s; scroll(); }, set: (s) => { text.textContent = s; scroll(); } };
    state.turns.set(itemId, t);
  }
  return t;
}

function scroll() { $('transcript').scrollTop = $('transcript').scrollHeight; }

function markInterrupted(itemId) { if (itemId && state.turns.has(itemId)) state.turns.get(itemId).div.classList.add('interrupted'); }

/** One bar per step between consecutive marks, on a common scale (the response's span up to first audio or done). */
function latency(e) {
  const marks = Object.entries(e.stages_ms ?? {}).sort((a, b) => a[1] - b[1]);
  if (marks.length < 2) return;
  const span = marks[marks.length - 1][1] || 1;
  const box = document.createElement('div');
  box.className = 'timing';
  box.dataset.response = e.response_id;
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = e.response_id + (e.ttfa_ms != null ? ' · time to first audio ' + e.ttfa_ms + ' ms' : '');
  box.append(title);
  for (let i = 1; i < marks.length; i++) {
    const [from, at] = marks[i - 1];
    const [to, end] = marks[i];
    const row = document.createElement('div');
    row.className = 'stage';
    row.innerHTML = '<span class="name"></span><span class="track"><span class="bar"></span></span><span class="ms"></span>';
    row.querySelector('.name').textContent = from + ' → ' + to;
    row.querySelector('.ms').textContent = (end - at).toFixed(1) + ' ms';
    const bar = row.querySelector('.bar');
    bar.style.left = (100 * at / span) + '%';
    bar.style.width = (100 * (end - at) / span) + '%';
    box.append(row);
  }
  $('latency').prepend(box);
}

function error(message) {
  const li = document.createElement('li');
  li.textContent = message;
  $('errors').append(li);
}

$('start').addEventListener('click', start);
$('stop').addEventListener('click', stop);
$('interrupt').addEventListener('click', interrupt);
for (const id of ['voice', 'turn']) $(id).addEventListener('change', () => state.connection?.send(sessionUpdate()));
$('say').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = $('text').value.trim();
  if (!text || !state.connection) return;
  state.connection.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user',
    content: [{ type: 'input_text', text }] } });
  state.connection.send({ type: 'response.create' });
  const mine = turn('typed-' + state.events.length, 'user');
  mine.set(text);
  $('text').value = '';
});
