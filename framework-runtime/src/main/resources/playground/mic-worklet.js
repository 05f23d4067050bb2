// The microphone's samples as PCM16 chunks of 2048 (~85 ms at 24 kHz), cut on the audio thread: a busy page (a
// loaded machine) delays the messages but loses nothing, where a ScriptProcessor on the main thread dropped and
// garbled audio (PlaygroundE2EIT over the WebSocket heard "that is intended to de de de" for the weather question).
class Pcm16Capture extends AudioWorkletProcessor {
  constructor() { super(); this.chunk = new Int16Array(2048); this.n = 0; }

  process(inputs) {
    const ch = inputs[0]?.[0];
    if (ch) {
      for (let i = 0; i < ch.length; i++) {
        this.chunk[this.n++] = Math.max(-1, Math.min(1, ch[i])) * 32767;
        if (this.n === this.chunk.length) {
          this.port.postMessage(this.chunk.buffer, [this.chunk.buffer]);
          this.chunk = new Int16Array(2048);
          this.n = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor('pcm16-capture', Pcm16Capture);
