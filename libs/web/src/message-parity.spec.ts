import { join } from 'node:path';
import { checkLocaleFolder, compareMessages, findLocaleFolders } from '@redress/platform';

const root = join(import.meta.dirname, '..', '..', '..');

describe('message files: Welsh and English say the same things', () => {
  const folders = findLocaleFolders(root);

  it('finds every locales folder of the apps and libs, including the platform’s, the web’s and the citizen web’s', () => {
    const found = folders.map((folder) => folder.slice(root.length + 1));
    expect(found).toEqual(
      expect.arrayContaining(['apps/citizen-web/locales', 'libs/platform/locales', 'libs/web/locales']),
    );
  });

  it.each(findLocaleFolders(root).map((folder) => [folder.slice(root.length + 1), folder]))(
    '%s: every key in both languages, no empty or untranslated Welsh, the same placeholders',
    (_name, folder) => {
      expect(checkLocaleFolder(root, folder)).toEqual([]);
    },
  );
});

describe('compareMessages (the check itself)', () => {
  const en = {
    title: 'Check your email',
    sentTo: 'We have sent a code to {{email}}.',
    phase: 'Beta',
    amount: '{{line}}: {{amount}}',
    items: ['one', 'two'],
  };
  const cy = {
    title: 'Gwiriwch eich e-bost',
    sentTo: 'Rydym wedi anfon cod at {{email}}.',
    phase: 'Beta',
    amount: '{{line}}: {{amount}}',
    items: ['un', 'dau'],
  };

  it('passes files that match, allowing listed names and values without words', () => {
    expect(compareMessages('x.json', en, cy)).toEqual([]);
  });

  it('finds a key missing in either language, including an array item', () => {
    const { title: _title, ...withoutTitle } = cy;
    expect(compareMessages('x.json', en, { ...withoutTitle, extra: 'Ychwanegol', items: ['un'] })).toEqual([
      { file: 'x.json', key: 'title', problem: 'missing-in-cy' },
      { file: 'x.json', key: 'items.1', problem: 'missing-in-cy' },
      { file: 'x.json', key: 'extra', problem: 'missing-in-en' },
    ]);
  });

  it('finds an empty Welsh value and one left in English', () => {
    expect(compareMessages('x.json', en, { ...cy, title: ' ', sentTo: 'We have sent a code to {{email}}.' })).toEqual([
      { file: 'x.json', key: 'title', problem: 'empty-in-cy' },
      { file: 'x.json', key: 'sentTo', problem: 'same-as-en' },
    ]);
  });

  it('finds placeholders that differ, whether renamed, lost or added', () => {
    expect(
      compareMessages('x.json', en, {
        ...cy,
        sentTo: 'Rydym wedi anfon cod at {{ebost}}.',
        amount: '{{line}}: {{amount}} {{extra}}',
      }),
    ).toEqual([
      { file: 'x.json', key: 'sentTo', problem: 'placeholders-differ' },
      { file: 'x.json', key: 'amount', problem: 'placeholders-differ' },
    ]);
  });

  it('finds a value whose shape differs (a list in one, a sentence in the other)', () => {
    expect(compareMessages('x.json', { body: ['a'] }, { body: 'a' })).toEqual([
      { file: 'x.json', key: 'body.0', problem: 'missing-in-cy' },
      { file: 'x.json', key: 'body', problem: 'missing-in-en' },
    ]);
  });
});
