/*
 * The data version (meta.data_version) changes with every change of values or their approval. Its
 * token starts with the moment of that change in base 36, so that a report can say which state of the
 * data its figures come from as a time people read, not as the token.
 */

/** A new token for a change at `at`; `nonce` keeps two changes in one millisecond apart. */
export const dataVersionToken = (at: Date, nonce: string): string => `${at.getTime().toString(36)}-${nonce}`;

/** When the data of version `token` last changed; null for the freshly installed database's '0' or a token of another form. */
export function dataVersionTime(token: string): Date | null {
  const match = /^([0-9a-z]+)-[0-9a-z]+$/.exec(token);
  if (!match) return null;
  const ms = parseInt(match[1]!, 36);
  // Before 2020 or beyond 2100 is not a time this platform wrote.
  return ms >= Date.UTC(2020, 0, 1) && ms < Date.UTC(2100, 0, 1) ? new Date(ms) : null;
}
