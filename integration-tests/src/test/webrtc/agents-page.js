// Drives OpenAIRealtimeWebRTC (the official transport, from the npm bundle) against Parley's /v1/realtime/calls.
// The microphone is Chromium's fake capture device (a question WAV). The agent's audio arrives on the WebRTC
// track; the page records it with WebAudio between output_audio_buffer.started and .stopped and hands the test
// a 24 kHz WAV to transcribe. window.parleyTurn resolves with the summary the test asserts on.
const q = new URLSearchParams(location.search);
const logLine = (s) => { document.getElementById('log').textContent += s + '\n'; };
const events = [];
const waiters = [];
let capture = null;

function on(e) {
  events.push(e);
  logLine(e.type + (e.type === 'error' ? ' ' + JSON.stringify(e.error) : ''));
  if (e.type === 'output_audio_buffer.started' && capture) capture.start();
  if (e.type === 'output_audio_buffer.stopped' && capture) capture.stop();
  for (const w of [...waiters]) {
    if (w.test(e)) { waiters.splice(waiters.indexOf(w), 1); w.done(e); }
  }
}

function next(test, ms, what) {
  const seen = events.find(test);
  if (seen) return Promise.resolve(seen);
  return new Promise((done, fail) => {
    waiters.push({ test, done });
    setTimeout(() => fail(new Error('timed out waiting for ' + what + '; saw ' + events.map((e) => e.type).join(','))), ms);
  });
}

/** Records a remote stream as 24 kHz PCM16 while started, through WebAudio. */
function recorder(stream) {
  const ctx = new AudioContext({ sampleRate: 24000 });
  const source = ctx.createMediaStreamSource(stream);
  const node = ctx.createScriptProcessor(4096, 1, 1);
  const chunks = [];
  let on = false;
  node.onaudioprocess = (ev) => { if (on) chunks.push(new Float32Array(ev.inputBuffer.getChannelData(0))); };
  source.connect(node);
  node.connect(ctx.destination);
  return {
    start() { on = true; ctx.resume(); },
    stop() { on = false; },
    wavBase64() {
      const n = chunks.reduce((s, c) => s + c.length, 0);
      const buf = new DataView(new ArrayBuffer(44 + 2 * n));
      const str = (o, s) => [...s].forEach((ch, i) => buf.setUint8(o + i, ch.charCodeAt(0)));
      str(0, 'RIFF'); buf.setUint32(4, 36 + 2 * n, true); str(8, 'WAVE'); str(12, 'fmt ');
      buf.setUint32(16, 16, true); buf.setUint16(20, 1, true); buf.setUint16(22, 1, true);
      buf.setUint32(24, 24000, true); buf.setUint32(28, 48000, true); buf.setUint16(32, 2, true);
      buf.setUint16(34, 16, true); str(36, 'data'); buf.setUint32(40, 2 * n, true);
      let o = 44;
      for (const c of chunks) for (const x of c) { buf.setInt16(o, Math.max(-1, Math.min(1, x)) * 32767, true); o += 2; }
      let bin = '';
      const bytes = new Uint8Array(buf.buffer);
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { base64: btoa(bin), ms: Math.round(n / 24) };
    },
  };
}

window.parleyTurn = (async () => {
  // the question as recorded: no echo cancellation, noise suppression or gain control on the fake microphone
  const mediaStream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const transport = new OpenAIRealtimeWebRTC({
    mediaStream,
    baseUrl: q.get('url'),
    useInsecureApiKey: true,
    audioElement: document.getElementById('agent'),
    changePeerConnection: async (pc) => {
      pc.addEventListener('track', (e) => { capture = recorder(e.streams[0] ?? new MediaStream([e.track])); });
      return pc;
    },
  });
  transport.on('*', on);
  transport.on('error', (e) => logLine('transport error: ' + JSON.stringify(e?.error?.message ?? e)));
  await transport.connect({ apiKey: q.get('key'), model: 'gpt-realtime' });
  logLine('connected, call ' + transport.callId);
  const done = await next((e) => e.type === 'response.done' && e.response.status === 'completed', 60000,
    'a completed response.done');
  await next((e) => e.type === 'output_audio_buffer.stopped' && e.response_id === done.response.id, 60000,
    'output_audio_buffer.stopped');
  const heard = { transcript: events.filter((e) => e.type === 'conversation.item.input_audio_transcription.completed')
    .map((e) => e.transcript).join(' ') };
  const wav = capture ? capture.wavBase64() : { base64: '', ms: 0 };
  const answer = (done.response.output ?? []).flatMap((i) => i.content ?? []).map((c) => c.transcript ?? c.text ?? '').join(' ');
  const summary = {
    callId: transport.callId,
    heard: heard.transcript,
    status: done.response.status,
    answer,
    answerAudioMs: wav.ms,
    answerWav: wav.base64,
    types: events.map((e) => e.type),
    errors: events.filter((e) => e.type === 'error').map((e) => e.error),
    audioDeltasOnDataChannel: events.filter((e) => e.type === 'response.output_audio.delta').length,
  };
  window.parleyTransport = transport;
  return summary;
})();
