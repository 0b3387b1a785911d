import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, type DatabaseTarget } from './connection';

describe('parseDatabaseUrl', () => {
  it.each<[string | undefined, DatabaseTarget]>([
    [undefined, { dialect: 'sqlite', file: 'data/halfsky.db' }],
    ['', { dialect: 'sqlite', file: 'data/halfsky.db' }],
    ['file:x.db', { dialect: 'sqlite', file: 'x.db' }],
    ['file:/var/lib/halfsky/app.db', { dialect: 'sqlite', file: '/var/lib/halfsky/app.db' }],
    ['postgres://app:secret@db.example:5432/halfsky', { dialect: 'postgres', url: 'postgres://app:secret@db.example:5432/halfsky' }],
    ['postgresql://127.0.0.1/halfsky', { dialect: 'postgres', url: 'postgresql://127.0.0.1/halfsky' }],
  ])('%j → %j', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    ['garbage', /无法识别.*garbage/],
    ['mysql://127.0.0.1/halfsky', /无法识别/],
    ['file:', /需要给出 SQLite 文件路径/],
  ])('rejects %j with a Chinese message', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });
});
