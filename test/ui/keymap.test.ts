import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import {
  actionFor,
  ALL_MODES,
  groupsFor,
  KEYMAP,
  keyNames,
} from '../../src/ui/keymap.js';
import { footerLines } from '../../src/ui/footer.js';
import { helpLines } from '../../src/ui/help-overlay.js';
import { lineText } from '../../src/ui/styled-line.js';
import { displayWidth } from '../../src/ui/text.js';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('key names', () => {
  it('names arrows, Enter, Escape, space and Ctrl+C', () => {
    expect(keyNames('', { ...NO_KEY, upArrow: true })).toEqual(['up']);
    expect(keyNames('', { ...NO_KEY, return: true })).toEqual(['enter']);
    expect(keyNames('', { ...NO_KEY, escape: true, meta: true })).toEqual([
      'escape',
    ]);
    expect(keyNames(' ', NO_KEY)).toEqual(['space']);
    expect(keyNames('c', { ...NO_KEY, ctrl: true })).toEqual(['ctrl+c']);
    expect(keyNames('N', { ...NO_KEY, shift: true })).toEqual(['N']);
  });

  it('splits several characters that came together into keys', () => {
    expect(keyNames('+++', NO_KEY)).toEqual(['+', '+', '+']);
  });

  it('reads Alt+key as Escape and then the key', () => {
    expect(keyNames('q', { ...NO_KEY, meta: true })).toEqual(['escape', 'q']);
  });
});

describe('the keymap', () => {
  it('has the keys of the design for the playground', () => {
    const normal = (key: string) => actionFor('normal', key)?.type;
    expect(normal('up')).toBe('move-neuron');
    expect(normal('k')).toBe('move-neuron');
    expect(normal('j')).toBe('move-neuron');
    expect(normal('h')).toBe('move-value');
    expect(normal('l')).toBe('move-value');
    expect(normal('+')).toBe('nudge');
    expect(normal('-')).toBe('nudge');
    expect(normal('<')).toBe('change-step');
    expect(normal('>')).toBe('change-step');
    expect(normal('enter')).toBe('start-edit');
    expect(normal('e')).toBe('start-edit');
    expect(normal('0')).toBe('zero-value');
    expect(normal('n')).toBe('change-lesson');
    expect(normal('p')).toBe('change-lesson');
    expect(normal('o')).toBe('open-preset-list');
    expect(normal('a')).toBe('cycle-activation');
    expect(normal('N')).toBe('add-neuron');
    expect(normal('D')).toBe('delete-neuron');
    expect(normal('L')).toBe('add-layer');
    expect(normal('X')).toBe('delete-layer');
    expect(normal('i')).toBe('add-input');
    expect(normal('I')).toBe('remove-input');
    expect(normal('g')).toBe('cycle-grid');
    expect(normal('x')).toBe('cycle-axis');
    expect(normal('y')).toBe('cycle-axis');
    expect(normal('m')).toBe('edit-targets');
    expect(normal('u')).toBe('undo');
    expect(normal('U')).toBe('redo');
    expect(normal('s')).toBe('start-save');
    expect(normal('?')).toBe('show-help');
    expect(normal('q')).toBe('quit');
    expect(normal('ctrl+c')).toBe('quit');
    expect(normal('z')).toBeUndefined();
  });

  it('gives a text field only Enter, Esc and Ctrl+C', () => {
    for (const mode of ['edit-value', 'save-path'] as const) {
      expect(actionFor(mode, 'q')).toBeNull();
      expect(actionFor(mode, '-')).toBeNull();
      expect(actionFor(mode, '0')).toBeNull();
      expect(actionFor(mode, 'escape')).toEqual({ type: 'cancel' });
      expect(actionFor(mode, 'ctrl+c')).toEqual({ type: 'quit' });
    }
    expect(actionFor('edit-value', 'enter')).toEqual({ type: 'commit-edit' });
    expect(actionFor('save-path', 'enter')).toEqual({ type: 'commit-save' });
  });

  it('Ctrl+C quits from every mode', () => {
    for (const mode of ALL_MODES) {
      expect(actionFor(mode, 'ctrl+c')).toEqual({ type: 'quit' });
    }
  });

  it('answers questions: y or q, any other key says no', () => {
    expect(actionFor('confirm-overwrite', 'y')?.type).toBe('confirm-overwrite');
    expect(actionFor('confirm-overwrite', 'n')?.type).toBe('decline-overwrite');
    expect(actionFor('confirm-quit', 'q')?.type).toBe('quit');
    expect(actionFor('confirm-quit', 'y')?.type).toBe('quit');
    expect(actionFor('confirm-quit', 'j')?.type).toBe('cancel');
    expect(actionFor('help', 'x')?.type).toBe('cancel');
  });

  it('scrolls help a line with up/down and a page with PgUp/PgDn', () => {
    expect(actionFor('help', 'down')).toEqual({
      type: 'scroll-help',
      delta: 1,
    });
    expect(actionFor('help', 'pagedown')).toEqual({
      type: 'scroll-help',
      delta: 10,
    });
    expect(actionFor('help', 'pageup')).toEqual({
      type: 'scroll-help',
      delta: -10,
    });
  });

  it('binds no key twice within a mode', () => {
    for (const mode of ALL_MODES) {
      const keys = groupsFor(mode).flatMap((group) =>
        group.bindings.flatMap((binding) => binding.keys),
      );
      expect(keys.length, mode).toBe(new Set(keys).size);
    }
  });

  it('has help and hint text in English and Japanese for every group', () => {
    for (const group of KEYMAP) {
      for (const messages of [en, ja]) {
        expect(messages[group.help]).toMatch(/\S/);
        if (group.hint) expect(messages[group.hint]).toMatch(/\S/);
      }
    }
  });
});

describe('help and footer, drawn from the keymap', () => {
  it('help lists every group that is not hidden, once', () => {
    const text = helpLines(en, 80).map(lineText).join('\n');
    for (const group of KEYMAP.filter((g) => !g.isHidden)) {
      expect(text).toContain(en[group.help]);
    }
    expect(text.match(/undo \/ redo/g)).toHaveLength(1);
  });

  it('the footer shows help and quit first, and fits its lines', () => {
    for (const messages of [en, ja]) {
      const lines = footerLines('normal', messages, 80, 2);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^ \? \S+ {2}q \S+/);
      for (const line of lines) expect(displayWidth(line)).toBe(80);
    }
  });

  it('the footer of each mode shows that mode hints', () => {
    expect(footerLines('targets', en, 80, 2)[0]).toContain(
      '0/1/space set target',
    );
    expect(footerLines('edit-value', en, 80, 2)[0]).toContain('Enter set');
    expect(footerLines('confirm-overwrite', en, 80, 2)[0]).toContain(
      'y replace',
    );
  });
});
