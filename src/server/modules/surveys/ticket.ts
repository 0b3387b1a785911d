import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The bot check without an outside service: the answering page gets a ticket signed with the
 * server's secret and the time it was issued. A response must bring a valid ticket that is at
 * least MIN_SECONDS old (nobody reads and answers a questionnaire faster) and at most MAX_HOURS.
 */
export const TICKET_RULES = { minSeconds: 3, maxHours: 48 } as const;

export type TicketCheck = 'ok' | 'invalid' | 'too_fast' | 'expired';

export const newSecret = () => randomBytes(32).toString('base64url');

const sign = (secret: string, publicId: string, issued: number) => createHmac('sha256', secret).update(`${publicId}.${issued}`).digest('base64url');

export function issueTicket(secret: string, publicId: string, now = Date.now()): string {
  return `${now}.${sign(secret, publicId, now)}`;
}

export function checkTicket(secret: string, publicId: string, ticket: string, now = Date.now()): TicketCheck {
  const [issuedText, signature] = ticket.split('.');
  const issued = Number(issuedText);
  if (!signature || !Number.isSafeInteger(issued)) return 'invalid';
  const expected = Buffer.from(sign(secret, publicId, issued));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  if (now - issued < TICKET_RULES.minSeconds * 1000) return 'too_fast';
  if (now - issued > TICKET_RULES.maxHours * 3600 * 1000) return 'expired';
  return 'ok';
}
