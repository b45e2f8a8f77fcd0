import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lyricSheet, lyricSheetFileName } from './lyric-sheet.ts';

const labels = { untitled: 'Untitled song', tempo: (bpm: number) => `${bpm} BPM`, key: (key: string) => `Key: ${key}` };

describe('lyricSheet', () => {
  it('puts the title and what is known of tempo and key above the lyrics as written', () => {
    const sheet = lyricSheet({ title: ' Night Drive ', bpm: 92, musicalKey: 'A minor', lyrics: '[Verse 1]  \r\nHeadlights on the water\r\n\r\n\r\n\r\n[Hook]\nWe ride   \n' }, labels);
    expect(sheet).toBe('Night Drive\n92 BPM · Key: A minor\n\n[Verse 1]\nHeadlights on the water\n\n[Hook]\nWe ride\n');
  });

  it('leaves out what is not known and names an untitled song', () => {
    expect(lyricSheet({ title: '', lyrics: 'One line' }, labels)).toBe('Untitled song\n\nOne line\n');
    expect(lyricSheet({ title: 'Sketch', musicalKey: '  ', lyrics: '' }, labels)).toBe('Sketch\n\n\n');
  });

  it('keeps every word of any lyrics: only trailing spaces and extra blank lines go', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (lyrics) => {
        const sheet = lyricSheet({ title: 'T', lyrics }, labels);
        const words = (text: string) => text.split(/\s+/u).filter(Boolean);
        expect(words(sheet).slice(1)).toEqual(words(lyrics));
      }),
    );
  });
});

describe('lyricSheetFileName', () => {
  it('keeps letters and digits of any script and folds the rest to dashes', () => {
    expect(lyricSheetFileName('Night Drive (demo) #2')).toBe('Night-Drive-demo-2.txt');
    expect(lyricSheetFileName('Canción de cuna')).toBe('Canción-de-cuna.txt');
    expect(lyricSheetFileName('夜のドライブ')).toBe('夜のドライブ.txt');
    expect(lyricSheetFileName('../../etc/passwd')).toBe('etc-passwd.txt');
    expect(lyricSheetFileName('  ***  ')).toBe('lyrics.txt');
  });

  it('is always a short, safe name, whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (title) => {
        const name = lyricSheetFileName(title);
        expect(name.endsWith('.txt')).toBe(true);
        expect(name).not.toMatch(/[/\\:*?"<>|\p{Cc}]/u);
        expect(name.startsWith('-')).toBe(false);
        expect([...name].length).toBeLessThanOrEqual(84);
      }),
    );
  });
});
