// A typed request to the background; the reply's error becomes a thrown Error with the background's words.
import type { Request, Responses } from '@/lib/messages';

export class SendError extends Error {}

export async function send<T extends Request['type']>(req: Extract<Request, { type: T }>): Promise<Responses[T]> {
  let reply: { ok: true; data: Responses[T] } | { ok: false; error: string } | undefined;
  try {
    reply = await browser.runtime.sendMessage(req);
  } catch (e) {
    // The worker was stopped mid-request or the extension was reloaded: say so plainly.
    throw new SendError(`the extension did not answer (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!reply) throw new SendError('the extension did not answer');
  if (!reply.ok) throw new SendError(reply.error);
  return reply.data;
}
