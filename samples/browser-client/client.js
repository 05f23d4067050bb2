// The browser client: one WebSocket to Parley (browsers cannot set headers, so the key travels as the
// `openai-insecure-api-key.<key>` subprotocol next to `realtime`, as the openai SDK does in browsers), the
// microphone streamed as input_audio_buffer.append (pcm16, 24 kHz), the agent's audio deltas played and recorded.
//
// Query parameters (all optional): url=ws://…/v1/realtime  key=…  autostart=1 (start without the button; the
// sample's test uses it). After the first answer, window.parleyTurn resolves with a summary of that turn:
// { heard, answer, answerAudioMs, status, answerWav (base64 WAV of the recorded answer) }.
'use strict';

const RATE = 24000;
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
if (params.has('url')) $('url').value = params.get('url');
if (params.has('key')) $('key').value = params.get('key');

let turnDone;
window.parleyTurn = new Promise((resolve) => { turnDone = resolve; });

const summary = { heard: '', answer: '', answerAudioMs: 0, status: '', events: 0, errors: [] };
let socket = null, audio = null, mic = null;
let firstResponseId = null;
const answerChunks = [];   // Int16Array pieces of the first answer
let playhead = 0;
const playing = new Set();

function show(cls, text) {
  const p = document.createElement('p');
  p.className = cls;
  p.textContent = text;
  $('log').append(p);
}

function status(text) { $('status').textContent = text; }

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64) {
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new Int16Array(bytes.buffer, 0, bytes.length >> 1);
}

/** Mono pcm16 at 24 kHz as a WAV file. */
function wavBytes(pcm) {
  const out = new DataView(new ArrayBuffer(44 + pcm.length * 2));
  const text = (o, t) => { for (let i = 0; i < t.length; i++) out.setUint8(o + i, t.charCodeAt(i)); };
  text(0, 'RIFF'); out.setUint32(4, 36 + pcm.length * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); out.setUint32(16, 16, true); out.setUint16(20, 1, true); out.setUint16(22, 1, true);
  out.setUint32(24, RATE, true); out.setUint32(28, RATE * 2, true); out.setUint16(32, 2, true);
  out.setUint16(34, 16, true); text(36, 'data'); out.setUint32(40, pcm.length * 2, true);
  pcm.forEach((s, i) => out.setInt16(44 + i * 2, s, true));
  return new Uint8Array(out.buffer);
}

function play(pcm) {
  const buffer = audio.createBuffer(1, pcm.length, RATE);
  const ch = buffer.getChannelData(0);
  for (let i = 0; i < pcm.length; i++) ch[i] = pcm[i] / 32768;
  const node = audio.createBufferSource();
  node.buffer = buffer;
  node.connect(audio.destination);
  playhead = Math.max(playhead, audio.currentTime + 0.05);
  node.start(playhead);
  playhead += buffer.duration;
  playing.add(node);
  node.onended = () => playing.delete(node);
}

/** The user spoke over the agent: drop what is still queued. */
function stopPlayback() {
  for (const node of playing) node.stop();
  playing.clear();
  playhead = 0;
}

function finishFirstTurn(response) {
  const pcm = new Int16Array(answerChunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of answerChunks) { pcm.set(c, off); off += c.length; }
  const wav = wavBytes(pcm);
  summary.answerAudioMs = Math.round(pcm.length * 1000 / RATE);
  summary.status = response.status;
  const link = $('download');
  link.href = URL.createObjectURL(new Blob([wav], { type: 'audio/wav' }));
  link.hidden = false;
  turnDone({ ...summary, answerWav: toBase64(wav) });
}

function onEvent(e) {
  summary.events++;
  switch (e.type) {
    case 'session.updated':
      status('listening');
      break;
    case 'input_audio_buffer.speech_started':
      stopPlayback();
      status('hearing you');
      break;
    case 'conversation.item.input_audio_transcription.completed':
      if (!summary.heard) summary.heard = e.transcript;
      show('you', `you: ${e.transcript}`);
      break;
    case 'response.created':
      firstResponseId ??= e.response.id;
      status('answering');
      break;
    case 'response.output_audio.delta': {
      const pcm = fromBase64(e.delta);
      play(pcm);
      if (e.response_id === firstResponseId) answerChunks.push(pcm);
      break;
    }
    case 'response.output_audio_transcript.done':
      if (e.response_id === firstResponseId && !summary.answer) summary.answer = e.transcript;
      show('agent', `agent: ${e.transcript}`);
      break;
    case 'response.done':
      status('listening');
      if (e.response.id === firstResponseId) finishFirstTurn(e.response);
      break;
    case 'error':
      summary.errors.push(`${e.error?.code}: ${e.error?.message}`);
      show('error', `server error: ${e.error?.code}: ${e.error?.message}`);
      break;
  }
}

async function start() {
  $('start').disabled = true;
  $('stop').disabled = false;
  // A 24 kHz context: the browser resamples the microphone to the session's rate and plays the deltas as they are.
  audio = new AudioContext({ sampleRate: RATE });
  await audio.resume();
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: false },
  });
  await audio.audioWorklet.addModule('capture-worklet.js');
  const source = audio.createMediaStreamSource(stream);
  mic = new AudioWorkletNode(audio, 'pcm16-capture');
  source.connect(mic);

  const key = $('key').value.trim();
  socket = new WebSocket($('url').value, ['realtime', `openai-insecure-api-key.${key}`]);
  status('connecting');
  socket.onopen = () => {
    socket.send(JSON.stringify({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: { input: { transcription: { model: 'gpt-4o-transcribe' },
          turn_detection: { type: 'server_vad', silence_duration_ms: 500 } } },
      },
    }));
    mic.port.onmessage = (m) => {
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: toBase64(new Uint8Array(m.data)) }));
      }
    };
  };
  socket.onmessage = (m) => onEvent(JSON.parse(m.data));
  socket.onerror = () => { summary.errors.push('websocket error'); show('error', 'WebSocket error'); };
  socket.onclose = (c) => { status(`closed (${c.code}${c.reason ? ': ' + c.reason : ''})`); stop(); };
}

function stop() {
  $('stop').disabled = true;
  $('start').disabled = false;
  if (socket && socket.readyState <= WebSocket.OPEN) socket.close();
  if (mic) mic.disconnect();
  if (audio) audio.close();
  socket = mic = audio = null;
}

$('start').onclick = () => start().catch((e) => {
  show('error', String(e));
  summary.errors.push(String(e));
  stop();
});
$('stop').onclick = stop;
if (params.get('autostart') === '1') $('start').click();
