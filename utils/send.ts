// A typed request to the background; a refusal or failure becomes a thrown error that carries the background's
// wording (a message key with values), which the view says in the user's language.
import type { Reply, Request, RequestType, Responses } from '@/lib/messages';
import { WordedError, wording } from '@/lib/wording';

export class SendError extends WordedError {}

export async function send<T extends RequestType>(req: Extract<Request, { type: T }>): Promise<Responses[T]> {
  let reply: Reply<T> | undefined;
  try {
    reply = await browser.runtime.sendMessage(req);
  } catch (e) {
    // The worker was stopped mid-request or the extension was reloaded: say so plainly.
    throw new SendError(`the extension did not answer (${e instanceof Error ? e.message : String(e)})`, wording('error_no_answer'));
  }
  if (!reply) throw new SendError('the extension did not answer', wording('error_no_answer'));
  if (!reply.ok) throw new SendError(reply.error.key, reply.error);
  return reply.data;
}
