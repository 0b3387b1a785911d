import { describe, expect, it } from 'vitest';
import { chartFontFiles, pickFontFiles } from './fonts';

describe('pickFontFiles', () => {
  it.each([
    ['both faces, duplicates and other files', '/a/NotoSansCJK-Regular.ttc\n/a/NotoSansCJK-Bold.ttc\n/a/NotoSansCJK-Regular.ttc\n/b/Other.ttf\n', ['/a/NotoSansCJK-Regular.ttc', '/a/NotoSansCJK-Bold.ttc']],
    ['only the regular face', '/x/NotoSansCJK-Regular.ttc\n', ['/x/NotoSansCJK-Regular.ttc']],
    ['a name that only ends alike', '/x/MyNotoSansCJK-Regular.ttc\n', []],
    ['nothing', '', []],
  ])('%s', (_, output, files) => expect(pickFontFiles(output)).toEqual(files));
});

describe('chartFontFiles', () => {
  it('finds Noto Sans CJK regular and bold on this machine (fonts-noto-cjk)', () => {
    const files = chartFontFiles();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/NotoSansCJK-Regular\.ttc$/);
    expect(files[1]).toMatch(/NotoSansCJK-Bold\.ttc$/);
  });
});
