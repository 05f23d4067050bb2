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
  // The call connects with a silent track; the fake microphone (the recorded question) is opened and swapped in only
  // once the session is live, so however long the call takes to set up on a loaded machine, no speech is lost
  // (a fixed 3 s lead-in was once too short: WebRtcAgentsRealtimeE2EIT failed on WER).
  const silence = new AudioContext().createMediaStreamDestination().stream;
  let peer = null;
  const transport = new OpenAIRealtimeWebRTC({
    mediaStream: silence,
    baseUrl: q.get('url'),
    useInsecureApiKey: true,
    audioElement: document.getElementById('agent'),
    changePeerConnection: async (pc) => {
      peer = pc;
      pc.addEventListener('track', (e) => { capture = recorder(e.streams[0] ?? new MediaStream([e.track])); });
      return pc;
    },
  });
  transport.on('*', on);
  transport.on('error', (e) => logLine('transport error: ' + JSON.stringify(e?.error?.message ?? e)));
  await transport.connect({ apiKey: q.get('key'), model: 'gpt-realtime' });
  await next((e) => e.type === 'session.created', 30000, 'session.created');
  window.parleyCallId = transport.callId; // the test attaches a sideband WebSocket with it
  // the sideband's session.update first, so the spoken turn runs with it whatever the timing
  await next((e) => e.type === 'session.updated' && (e.session?.instructions ?? '').includes('sideband'), 30000,
    "the sideband's session.updated");
  // the question as recorded: no echo cancellation, noise suppression or gain control on the fake microphone
  const mediaStream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const sender = peer.getSenders().find((s) => s.track?.kind === 'audio');
  await sender.replaceTrack(mediaStream.getAudioTracks()[0]);
  logLine('connected, call ' + transport.callId + '; microphone live');
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
    instructions: events.filter((e) => e.type === 'session.updated').map((e) => e.session?.instructions ?? ''),
    audioDeltasOnDataChannel: events.filter((e) => e.type === 'response.output_audio.delta').length,
  };
  summary.tool = await toolCall(transport);
  summary.bargeIn = await bargeIn(transport);
  window.parleyTransport = transport;
  return summary;
})();

const after = (mark) => (test) => (e) => events.indexOf(e) >= mark && test(e);

/** A function-call round trip over the data channel: the model calls get_weather, the page answers it. */
async function toolCall(transport) {
  transport.sendEvent({ type: 'session.update', session: { type: 'realtime', tools: [{
    type: 'function', name: 'get_weather', description: 'Get the current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }] } });
  const mark = events.length;
  const since = after(mark);
  transport.sendEvent({ type: 'conversation.item.create', item: { type: 'message', role: 'user',
    content: [{ type: 'input_text', text: 'What is the weather in Paris?' }] } });
  transport.sendEvent({ type: 'response.create' });
  const call = await next(since((e) => e.type === 'response.done'), 30000, 'the function call');
  const fc = (call.response.output ?? []).find((i) => i.type === 'function_call');
  if (!fc) return { called: false, output: call.response.output };
  const args = JSON.parse(fc.arguments || '{}');
  const mark2 = events.length;
  transport.sendEvent({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: fc.call_id,
    output: JSON.stringify({ city: args.city, temperature_c: 18, sky: 'cloudy' }) } });
  transport.sendEvent({ type: 'response.create' });
  const answer = await next(after(mark2)((e) => e.type === 'response.done'), 30000, 'the answer after the tool');
  await next(after(mark2)((e) => e.type === 'output_audio_buffer.stopped'), 30000, 'the tool answer played');
  const text = (answer.response.output ?? []).flatMap((i) => i.content ?? []).map((c) => c.transcript ?? c.text ?? '').join(' ');
  return { called: true, name: fc.name, city: args.city, status: answer.response.status, answer: text };
}

/**
 * Barge-in as a push-to-talk client does it over WebRTC: while the story plays it cancels the response and clears
 * the output buffer; the server stops the track, says output_audio_buffer.cleared and truncates the item to what
 * was played (the client never sends conversation.item.truncate).
 */
async function bargeIn(transport) {
  const mark = events.length;
  const since = after(mark);
  transport.sendEvent({ type: 'conversation.item.create', item: { type: 'message', role: 'user',
    content: [{ type: 'input_text', text: 'Tell me a six sentence story about a dragon.' }] } });
  transport.sendEvent({ type: 'response.create' });
  const started = await next(since((e) => e.type === 'output_audio_buffer.started'), 30000, 'the story playing');
  const startedAt = performance.now();
  await new Promise((r) => setTimeout(r, 1500));
  const playedByPage = Math.round(performance.now() - startedAt);
  transport.sendEvent({ type: 'response.cancel' });
  transport.sendEvent({ type: 'output_audio_buffer.clear' });
  const cleared = await next(since((e) => e.type === 'output_audio_buffer.cleared'), 10000, 'output_audio_buffer.cleared');
  const truncated = await next(since((e) => e.type === 'conversation.item.truncated'), 10000, 'the item truncated');
  const done = await next(since((e) => e.type === 'response.done'), 10000, 'the story response.done');
  await new Promise((r) => setTimeout(r, 500));
  return {
    responseId: started.response_id,
    clearedResponseId: cleared.response_id,
    truncatedMs: truncated.audio_end_ms,
    playedByPage,
    storyStatus: done.response.status,
    stoppedAfterClear: events.slice(events.indexOf(cleared)).some((e) => e.type === 'output_audio_buffer.stopped'
      && e.response_id === started.response_id),
    errors: events.slice(mark).filter((e) => e.type === 'error').map((e) => e.error),
  };
}
