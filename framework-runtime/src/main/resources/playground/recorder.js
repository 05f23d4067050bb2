// Records what the agent says, as the user heard it: the connection's output stream (the WebRTC track, or the
// WebSocket player's output) through WebAudio, from the agent's first output_audio_buffer.started until stop(), as a
// 24 kHz PCM16 WAV. It does not pause at .stopped: under load the WebSocket player runs dry mid-answer and says
// 'stopped' before the next delta plays on (PlaygroundE2EIT once recorded 0 ms that way); the pauses are silence. window.playground.record() starts one; PlaygroundE2EIT transcribes
// the WAV to check the answer reached the page as speech. Users can save it from the console.
const RATE = 24000;

export function record(stream) {
  const ctx = new AudioContext({ sampleRate: RATE });
  const source = ctx.createMediaStreamSource(stream);
  const node = ctx.createScriptProcessor(4096, 1, 1);
  const chunks = [];
  let speaking = false;
  node.onaudioprocess = (ev) => { if (speaking) chunks.push(new Float32Array(ev.inputBuffer.getChannelData(0))); };
  source.connect(node);
  node.connect(ctx.destination); // a ScriptProcessor runs only when connected; it outputs silence
  ctx.resume();
  return {
    /** Fed every server event: the recording starts when the agent first speaks. */
    onEvent(e) { if (e.type === 'output_audio_buffer.started') speaking = true; },
    /** Ends the recording: the WAV as base64 and its length in ms. */
    stop() {
      source.disconnect(); node.disconnect(); ctx.close();
      return { base64: wavBase64(chunks), ms: Math.round(chunks.reduce((s, c) => s + c.length, 0) / (RATE / 1000)) };
    },
  };
}

function wavBase64(chunks) {
  const n = chunks.reduce((s, c) => s + c.length, 0);
  const view = new DataView(new ArrayBuffer(44 + 2 * n));
  const str = (o, s) => [...s].forEach((ch, i) => view.setUint8(o + i, ch.charCodeAt(0)));
  str(0, 'RIFF'); view.setUint32(4, 36 + 2 * n, true); str(8, 'WAVE'); str(12, 'fmt ');
  view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, RATE, true); view.setUint32(28, 2 * RATE, true); view.setUint16(32, 2, true);
  view.setUint16(34, 16, true); str(36, 'data'); view.setUint32(40, 2 * n, true);
  let o = 44;
  for (const c of chunks) for (const x of c) { view.setInt16(o, Math.max(-1, Math.min(1, x)) * 32767, true); o += 2; }
  const bytes = new Uint8Array(view.buffer);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
