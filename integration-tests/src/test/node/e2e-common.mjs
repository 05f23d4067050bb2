// Shared by the end-to-end client scripts: a microphone that streams 24 kHz pcm16 at real-time pace, a log of
// the server's events, and the JSON-line output the JUnit side (dev.parley.it.e2e) asserts on.
import fs from 'node:fs';

/** Reports a result object as one JSON line on stdout. */
export function report(result) {
  console.log(JSON.stringify(result));
}

/** Ends the script with a message on stderr (the JUnit side shows it) and a non-zero exit code. */
export function fail(why) {
  console.error(typeof why === 'string' ? why : JSON.stringify(why));
  process.exit(2);
}

/** Fails the script when it has not finished in `ms` (the JUnit side has its own, longer, bound too). */
export function deadline(ms, what) {
  setTimeout(() => fail(`timeout after ${ms} ms: ${what()}`), ms).unref();
}

/** Raw pcm16 24 kHz mono audio prepared by the JUnit side (path in an environment variable). */
export function pcmFromEnv(name) {
  const path = process.env[name];
  if (!path) fail(`environment variable ${name} (a raw pcm16 24 kHz file) is not set`);
  return fs.readFileSync(path);
}

/**
 * A microphone: from start() until stop() it sends one chunk every `chunkMs`, paced by the wall clock (a late
 * timer catches up, it never runs ahead). Queued utterances are sent as they are, silence otherwise, like a real
 * microphone that is always open. `send` gets a Buffer of pcm16 24 kHz mono (or, with `bytesPerMs` 8 and
 * `silenceByte` 0xff / 0xd5, of G.711 μ-law / A-law at 8 kHz).
 */
export class Microphone {
  constructor(send, chunkMs = 50, bytesPerMs = 48, silenceByte = 0) {
    this.send = send;
    this.chunkBytes = bytesPerMs * chunkMs; // pcm16 24 kHz: 24 000 samples/s × 2 bytes
    this.silenceByte = silenceByte;
    this.chunkMs = chunkMs;
    this.queue = [];
    this.sentChunks = 0;
    this.waiters = [];
  }

  start() {
    this.t0 = Date.now();
    this.timer = setInterval(() => this.tick(), this.chunkMs / 2);
  }

  /** Queues an utterance; resolves once its last byte has been sent. */
  say(pcm) {
    for (let off = 0; off < pcm.length; off += this.chunkBytes) {
      const piece = Buffer.alloc(this.chunkBytes, this.silenceByte);
      pcm.copy(piece, 0, off, Math.min(pcm.length, off + this.chunkBytes));
      this.queue.push(piece);
    }
    return new Promise((resolve) => this.waiters.push({ at: this.queue.length, resolve }));
  }

  tick() {
    const due = Math.floor((Date.now() - this.t0) / this.chunkMs) + 1;
    while (this.sentChunks < due) {
      const piece = this.queue.shift() ?? Buffer.alloc(this.chunkBytes, this.silenceByte);
      this.send(piece);
      this.sentChunks++;
      this.waiters = this.waiters.filter((w) => {
        w.at--;
        if (w.at <= 0) w.resolve();
        return w.at > 0;
      });
    }
  }

  stop() {
    clearInterval(this.timer);
  }
}

/**
 * Records the server events of one connection: every type in order (runs of the same delta type collapsed into
 * one entry), every non-audio event in full, and the bytes of audio received.
 */
export class EventLog {
  constructor() {
    this.types = [];
    this.events = [];
    this.audioBytes = 0;
    this.waiters = [];
  }

  add(e) {
    e.at = Date.now();
    if (e.type === 'response.output_audio.delta') {
      this.audioBytes += Buffer.from(e.delta, 'base64').length;
      e = { type: e.type, at: e.at, response_id: e.response_id, item_id: e.item_id, bytes: Buffer.from(e.delta, 'base64').length };
    }
    const last = this.types[this.types.length - 1];
    if (!(e.type.endsWith('.delta') && last === e.type)) this.types.push(e.type);
    this.events.push(e);
    this.waiters = this.waiters.filter((w) => !w.check());
  }

  /** All events of `type` so far. */
  all(type) {
    return this.events.filter((e) => e.type === type);
  }

  /**
   * Resolves with the n-th (1-based) event of `type` (and matching `when`) of this connection, at once when it
   * already came.
   */
  wait(type, n = 1, when = () => true) {
    return new Promise((resolve) => {
      const w = {
        check: () => {
          const found = this.all(type).filter(when);
          if (found.length >= n) {
            resolve(found[n - 1]);
            return true;
          }
          return false;
        },
      };
      if (!w.check()) this.waiters.push(w);
    });
  }

  /** Number of events so far (a mark for `typesSince`). */
  mark() {
    return this.types.length;
  }

  /** Types seen since `mark`. */
  typesSince(mark) {
    return this.types.slice(mark);
  }
}

/** What the JUnit side checks of a finished response. */
export function summarize(response) {
  const texts = [];
  for (const item of response.output ?? []) {
    for (const c of item.content ?? []) texts.push(c.transcript ?? c.text ?? '');
  }
  return {
    id: response.id,
    status: response.status,
    reason: response.status_details?.reason ?? null,
    text: texts.join(' ').trim(),
    items: (response.output ?? []).map((i) => ({ type: i.type, status: i.status, name: i.name, arguments: i.arguments, call_id: i.call_id })),
  };
}

/** The item ids the first voice turn's events name: all of them must be the one user item. */
export function voiceTurnIds(log) {
  const first = (type) => log.all(type)[0];
  const added = log.all('conversation.item.added').find((e) => e.item.role === 'user' && e.item.content?.[0]?.type === 'input_audio');
  return {
    speech_started: first('input_audio_buffer.speech_started')?.item_id,
    speech_stopped: first('input_audio_buffer.speech_stopped')?.item_id,
    committed: first('input_audio_buffer.committed')?.item_id,
    item_added: added?.item.id,
    transcription_completed: first('conversation.item.input_audio_transcription.completed')?.item_id,
  };
}

/**
 * Live captions as a client builds them from the user transcription events: per item, the text of the last
 * `parley.input_audio_transcription.revised` followed by the deltas since, and when each update came (ms after that
 * item's speech_started; speech_stopped's time too).
 */
export function captions(log) {
  const items = new Map();
  const item = (id) => {
    if (!items.has(id)) items.set(id, { item_id: id, text: '', updates: [], revisions: 0, final: null });
    return items.get(id);
  };
  for (const e of log.events) {
    if (!e.item_id || !e.at) continue;
    if (e.type === 'input_audio_buffer.speech_started') item(e.item_id).startedAt = e.at;
    if (e.type === 'input_audio_buffer.speech_stopped') item(e.item_id).stoppedAt = e.at;
    if (e.type === 'conversation.item.input_audio_transcription.delta') {
      const c = item(e.item_id);
      c.text += e.delta;
      c.updates.push({ at: e.at, text: c.text });
    }
    if (e.type === 'parley.input_audio_transcription.revised') {
      const c = item(e.item_id);
      c.text = e.transcript;
      c.revisions++;
      c.updates.push({ at: e.at, text: c.text, revised: true });
    }
    if (e.type === 'conversation.item.input_audio_transcription.completed') {
      const c = item(e.item_id);
      c.final = e.transcript;
      c.completedAt = e.at;
    }
  }
  return [...items.values()].map((c) => ({
    item_id: c.item_id,
    caption: c.text,
    final: c.final,
    revisions: c.revisions,
    stopped_ms: c.stoppedAt - c.startedAt,
    completed_ms: c.completedAt - c.startedAt,
    updates: c.updates.map((u) => ({ ...u, at: u.at - c.startedAt })),
  }));
}

/**
 * Resolves with the n-th user transcription outcome of the connection: `…input_audio_transcription.completed` or
 * `.failed`, whichever comes (a failure is reported, not waited out).
 */
export function transcriptionOutcome(log, n = 1) {
  const done = (e) => e.type.startsWith('conversation.item.input_audio_transcription.') && !e.type.endsWith('.delta');
  return new Promise((resolve) => {
    const w = {
      check: () => {
        const found = log.events.filter(done);
        if (found.length >= n) {
          resolve(found[n - 1]);
          return true;
        }
        return false;
      },
    };
    if (!w.check()) log.waiters.push(w);
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
