// The two ways the playground reaches Parley. Both return the same small interface:
//   { kind, callId, send(event), attachMicrophone(stream), outputStream(), interrupt(), close() }
// and deliver every server event to onEvent. The microphone is attached once the session is live, so nothing the
// user says before then is lost (and a test's recorded question starts when the session can hear it); attaching
// another stream replaces it. WebRTC carries audio on the media tracks and events on the 'oai-events' data channel
// (the server tracks playback and truncates at barge-in); the WebSocket carries base64 PCM16 at 24 kHz both
// ways, so this side plays the audio and truncates what was not heard.

const RATE = 24000;

export async function connectWebRtc({ key, audioElement, onEvent }) {
  const pc = new RTCPeerConnection();
  let remote = null;
  pc.addEventListener('track', (e) => { remote = e.streams[0] ?? new MediaStream([e.track]); audioElement.srcObject = remote; });
  const audio = pc.addTransceiver('audio', { direction: 'sendrecv' });
  const channel = pc.createDataChannel('oai-events');
  channel.addEventListener('message', (m) => onEvent(JSON.parse(m.data)));
  const opened = new Promise((ok, fail) => {
    channel.addEventListener('open', ok, { once: true });
    setTimeout(() => fail(new Error('the data channel did not open within 20 s')), 20000);
  });
  await pc.setLocalDescription(await pc.createOffer());
  const headers = { 'Content-Type': 'application/sdp' };
  if (key) headers.Authorization = 'Bearer ' + key;
  const res = await fetch('/v1/realtime/calls', { method: 'POST', headers, body: pc.localDescription.sdp });
  const body = await res.text();
  if (res.status !== 201) {
    pc.close();
    throw new Error('POST /v1/realtime/calls: ' + res.status + ' ' + body);
  }
  const callId = (res.headers.get('Location') ?? '').split('/').pop();
  await pc.setRemoteDescription({ type: 'answer', sdp: body });
  await opened;
  const send = (e) => channel.send(JSON.stringify(e));
  return {
    kind: 'webrtc',
    callId,
    send,
    attachMicrophone: (mic) => audio.sender.replaceTrack(mic.getAudioTracks()[0]),
    outputStream: () => remote,
    // the server stops the track and truncates the item to what it played: no conversation.item.truncate here
    interrupt(activeResponse) {
      if (activeResponse) send({ type: 'response.cancel' });
      send({ type: 'output_audio_buffer.clear' });
    },
    close() {
      fetch('/v1/realtime/calls/' + callId + '/hangup', { method: 'POST', headers: key ? { Authorization: 'Bearer ' + key } : {} })
        .catch(() => {});
      pc.close();
    },
  };
}

export async function connectWebSocket({ key, onEvent }) {
  const protocols = ['realtime'];
  if (key) protocols.push('openai-insecure-api-key.' + key);
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const ws = new WebSocket(scheme + location.host + '/v1/realtime', protocols);
  // listen from the start: session.created arrives right after the upgrade, before the awaits below return
  const early = [];
  let handle = (e) => early.push(e);
  ws.addEventListener('message', (m) => handle(JSON.parse(m.data)));
  await new Promise((ok, fail) => {
    ws.addEventListener('open', ok, { once: true });
    ws.addEventListener('error', () => fail(new Error('the WebSocket did not open')), { once: true });
  });
  const send = (e) => { if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(e)); };
  const ctx = new AudioContext({ sampleRate: RATE });
  await ctx.resume();
  const player = new Player(ctx, (e) => onEvent(e));
  let microphone = null;
  const truncate = () => {
    const played = player.stop();
    if (played) send({ type: 'conversation.item.truncate', item_id: played.itemId, content_index: 0, audio_end_ms: played.ms });
  };
  handle = (e) => {
    if (e.type === 'response.output_audio.delta') player.play(e.response_id, e.item_id, e.delta);
    if (e.type === 'input_audio_buffer.speech_started') truncate(); // the user talks over the agent: stop at once
    onEvent(e);
  };
  early.forEach(handle);
  ws.addEventListener('close', (c) => onEvent({ type: 'playground.closed', code: c.code, reason: c.reason }));
  return {
    kind: 'websocket',
    callId: null,
    send,
    async attachMicrophone(mic) {
      microphone?.disconnect();
      microphone = await captureMicrophone(ctx, mic, (b64) => send({ type: 'input_audio_buffer.append', audio: b64 }));
    },
    outputStream: () => player.output.stream,
    // audio arrives faster than it plays: the response may be done while the page still plays it
    interrupt(activeResponse) { if (activeResponse) send({ type: 'response.cancel' }); truncate(); },
    close() { microphone?.disconnect(); ws.close(); ctx.close(); },
  };
}

/** The microphone as 24 kHz PCM16 chunks of ~85 ms, base64, cut on the audio thread (mic-worklet.js). */
async function captureMicrophone(ctx, mic, onChunk) {
  ctx.micWorklet ??= ctx.audioWorklet.addModule('/playground/mic-worklet.js'); // once per context
  await ctx.micWorklet;
  const source = ctx.createMediaStreamSource(mic);
  const node = new AudioWorkletNode(ctx, 'pcm16-capture');
  const mute = ctx.createGain();
  mute.gain.value = 0;
  node.port.addEventListener('message', (m) => onChunk(base64(new Uint8Array(m.data))));
  node.port.start();
  source.connect(node);
  node.connect(mute);
  mute.connect(ctx.destination);
  return { disconnect() { source.disconnect(); node.disconnect(); } };
}

/**
 * Plays audio deltas back to back and knows which item is heard now and how much of it: a new answer queues behind
 * the one still playing, so a cut truncates the item playing, not the one last received. Says
 * output_audio_buffer.started/stopped/cleared as the server does over WebRTC, so the page treats both alike.
 */
class Player {
  constructor(ctx, onEvent) {
    this.ctx = ctx; this.onEvent = onEvent; this.sources = []; this.next = 0; this.items = []; this.timers = [];
    this.cut = new Set(); // items cut by a barge-in: their deltas still in flight are not played
    this.out = ctx.createGain(); // to the speakers, and as a stream for window.playground.record()
    this.output = ctx.createMediaStreamDestination();
    this.out.connect(ctx.destination);
    this.out.connect(this.output);
  }

  play(responseId, itemId, b64) {
    if (this.cut.has(itemId)) return;
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const pcm = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
    const buffer = this.ctx.createBuffer(1, pcm.length, RATE);
    const ch = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) ch[i] = pcm[i] / 32768;
    const src = this.ctx.createBufferSource();
    src.buffer = buffer;
    src.connect(this.out);
    const at = Math.max(this.next, this.ctx.currentTime + 0.05);
    if (this.items.at(-1)?.itemId !== itemId) {
      this.items.push({ responseId, itemId, start: at });
      const delay = Math.max(0, (at - this.ctx.currentTime) * 1000);
      this.timers.push(setTimeout(() => this.onEvent({ type: 'output_audio_buffer.started', response_id: responseId }), delay));
    }
    src.start(at);
    this.next = at + buffer.duration;
    this.sources.push(src);
    src.addEventListener('ended', () => {
      if (!this.sources.includes(src)) return; // stopped by a cut: that said 'cleared'
      this.sources = this.sources.filter((s) => s !== src);
      if (!this.sources.length) this.onEvent({ type: 'output_audio_buffer.stopped', response_id: responseId });
    });
  }

  /** Stops playback; returns the item heard now and the ms of it played, or null when nothing was playing. */
  stop() {
    const now = this.ctx.currentTime;
    const playing = this.items.filter((i) => i.start <= now).at(-1);
    const queued = this.items;
    const active = this.sources.length > 0;
    const stopping = this.sources;
    this.sources = [];
    for (const s of stopping) s.stop();
    this.timers.forEach(clearTimeout);
    this.timers = []; this.items = []; this.next = 0;
    queued.forEach((i) => this.cut.add(i.itemId));
    if (!active || !playing) return null;
    this.onEvent({ type: 'output_audio_buffer.cleared', response_id: playing.responseId });
    return { itemId: playing.itemId, ms: Math.round((now - playing.start) * 1000) };
  }
}

function base64(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
