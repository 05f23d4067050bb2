// AudioWorklet: the microphone's float samples at the context's rate -> mono PCM16 at 24 kHz, posted to the page
// in 40 ms chunks. Linear interpolation is enough here: the page asks for a 24 kHz context, so this only resamples
// when a browser refuses that rate.
const TARGET_RATE = 24000;
const CHUNK_SAMPLES = 960;

class Pcm16Capture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / TARGET_RATE;
    this.pos = 0;           // read position in the current input block, in input samples
    this.last = 0;          // previous block's final sample, for interpolation across blocks
    this.chunk = new Int16Array(CHUNK_SAMPLES);
    this.filled = 0;
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const n = channels[0].length;
    const mono = new Float32Array(n);
    for (const ch of channels) for (let i = 0; i < n; i++) mono[i] += ch[i] / channels.length;
    for (; this.pos < n; this.pos += this.step) {
      const j = Math.floor(this.pos), f = this.pos - j;
      const a = j === 0 ? this.last : mono[j - 1], b = mono[j];
      const s = Math.max(-1, Math.min(1, a + (b - a) * f));
      this.chunk[this.filled++] = Math.round(s * 32767);
      if (this.filled === CHUNK_SAMPLES) {
        this.port.postMessage(this.chunk.buffer, [this.chunk.buffer]);
        this.chunk = new Int16Array(CHUNK_SAMPLES);
        this.filled = 0;
      }
    }
    this.pos -= n;
    this.last = mono[n - 1];
    return true;
  }
}

registerProcessor('pcm16-capture', Pcm16Capture);
