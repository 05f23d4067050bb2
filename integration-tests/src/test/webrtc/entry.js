// The browser bundle's entry: the official transport, exposed to the test page as a global.
import { OpenAIRealtimeWebRTC } from '@openai/agents-realtime';
window.OpenAIRealtimeWebRTC = OpenAIRealtimeWebRTC;
