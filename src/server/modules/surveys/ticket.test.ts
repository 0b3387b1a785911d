import { describe, expect, it } from 'vitest';
import { checkTicket, issueTicket, type TicketCheck } from './ticket';

describe('survey tickets', () => {
  const t0 = 1_800_000_000_000;
  const ticket = issueTicket('secret', 'abc', t0);
  it.each<[string, string, string, string, number, TicketCheck]>([
    ['a ticket answered after a minute', 'secret', 'abc', ticket, t0 + 60_000, 'ok'],
    ['answered within a second', 'secret', 'abc', ticket, t0 + 800, 'too_fast'],
    ['after three days', 'secret', 'abc', ticket, t0 + 72 * 3600_000, 'expired'],
    ['for another survey', 'secret', 'xyz', ticket, t0 + 60_000, 'invalid'],
    ['signed with another secret', 'other', 'abc', ticket, t0 + 60_000, 'invalid'],
    ['a made-up issue time', 'secret', 'abc', ticket.replace(String(t0), String(t0 - 60_000)), t0 + 60_000, 'invalid'],
    ['garbage', 'secret', 'abc', 'hello', t0, 'invalid'],
  ])('%s', (_n, secret, publicId, tk, now, expected) => {
    expect(checkTicket(secret, publicId, tk, now)).toBe(expected);
  });
});
