// The playground's demo tool: get_time, declared in every session.update and answered here in the page, so a user
// (or PlaygroundE2EIT) sees a whole function-call round trip: the model's function_call, the page's
// function_call_output, then the spoken answer that reads it. Each call is kept with its timings (page clock, ms).
export const TOOLS = [{
  type: 'function', name: 'get_time', description: 'The current time in the user\'s browser',
  parameters: { type: 'object', properties: {} },
}];

const answers = {
  get_time: () => {
    const now = new Date();
    // ICU puts a narrow no-break space before AM/PM: a plain space, for the speech synthesiser
    return { time: now.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }).replace(/\s/g, ' '),
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  },
};

/**
 * Answers the function calls of a finished response: one function_call_output per call, then one response.create
 * for the answer. Returns the calls answered (empty when the response called none).
 */
export function answerCalls(response, send, receivedMs) {
  const calls = (response.output ?? []).filter((i) => i.type === 'function_call');
  const answered = [];
  for (const fc of calls) {
    const answer = answers[fc.name];
    const output = answer ? answer() : { error: 'the playground has no tool named ' + fc.name };
    send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: fc.call_id,
      output: JSON.stringify(output) } });
    answered.push({ name: fc.name, call_id: fc.call_id, arguments: fc.arguments, output,
      response_id: response.id, called_ms: receivedMs, answered_ms: Math.round(performance.now()) });
  }
  if (answered.length) send({ type: 'response.create' });
  return answered;
}
