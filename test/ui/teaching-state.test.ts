import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.js';
import { builtInLessons, findLesson } from '../../src/preset/catalog.js';
import { footerLines } from '../../src/ui/footer.js';
import { headerText } from '../../src/ui/header.js';
import { helpLines } from '../../src/ui/help-overlay.js';
import { reduceKeys } from '../../src/ui/keymap.js';
import { planMiddle, sideLayer } from '../../src/ui/middle-plan.js';
import {
  type Action,
  exportPathFor,
  initialState,
  reduce,
  type SessionState,
} from '../../src/ui/state.js';
import { lineText } from '../../src/ui/styled-line.js';
import { en } from '../../src/i18n/en.js';

const lessons = builtInLessons();

function lesson(name: string): Lesson {
  const found = findLesson(name);
  if (!found) throw new Error(`no lesson ${name}`);
  return found;
}

function start(
  name = 'and',
  options: { isLocked?: boolean; sourcePath?: string } = {},
): SessionState {
  const found = lesson(name);
  const index = options.sourcePath ? null : lessons.indexOf(found);
  return initialState({
    lessons,
    start: found,
    startIndex: index,
    language: 'en',
    ...options,
  });
}

function run(state: SessionState, ...actions: Action[]): SessionState {
  return actions.reduce(reduce, state);
}

describe('the step rule (S)', () => {
  it('switches > and >=, marks the work unsaved, and is undone with u', () => {
    const switched = run(start(), { type: 'toggle-step-rule' });
    expect(switched.lesson.network.stepRule).toBe('>=');
    expect(switched.isDirty).toBe(true);
    expect(
      run(switched, { type: 'toggle-step-rule' }).lesson.network.stepRule,
    ).toBe('>');
    expect(run(switched, { type: 'undo' }).lesson.network.stepRule).toBe('>');
  });
});

describe('the language (J)', () => {
  it('switches and says so in the new language, with the notes at the top', () => {
    const scrolled = { ...start(), notesScroll: 3 };
    const ja = run(scrolled, { type: 'toggle-language' });
    expect(ja.language).toBe('ja');
    expect(ja.notesScroll).toBe(0);
    expect(ja.status?.text).toBe(
      '日本語で表示します。J で英語に切り替わります。',
    );
    expect(ja.past).toEqual([]);
    expect(run(ja, { type: 'toggle-language' }).language).toBe('en');
  });
});

describe('why (w)', () => {
  it('opens the overlay for one step neuron with two inputs and targets', () => {
    expect(run(start('xor-single'), { type: 'show-why' }).mode).toBe('why');
    expect(run(start('and'), { type: 'show-why' }).mode).toBe('why');
  });

  it('elsewhere stays and says when it applies', () => {
    for (const name of ['xor', 'majority', 'not', 'blank', 'sigmoid-gates']) {
      const state = run(start(name), { type: 'show-why' });
      expect(state.mode).toBe('normal');
      expect(state.status?.text).toBe(en.whyNotApplicable);
    }
  });

  it('any key closes it', () => {
    const open = run(start('xor-single'), { type: 'show-why' });
    expect(reduceKeys(open, ['x']).mode).toBe('normal');
    expect(reduceKeys(open, ['escape']).mode).toBe('normal');
  });
});

describe('the notes (PgUp/PgDn)', () => {
  it('move a page at a time within the limit', () => {
    const context = { notesPage: 6, notesLimit: 3 };
    const down = reduceKeys(start(), ['pagedown'], context);
    expect(down.notesScroll).toBe(3);
    expect(reduceKeys(down, ['pagedown'], context).notesScroll).toBe(3);
    expect(reduceKeys(down, ['pageup'], context).notesScroll).toBe(0);
  });
});

describe('teacher mode (--locked)', () => {
  const structure: Action[] = [
    { type: 'cycle-activation' },
    { type: 'add-neuron' },
    { type: 'delete-neuron' },
    { type: 'add-layer' },
    { type: 'delete-layer' },
    { type: 'add-input' },
    { type: 'remove-input' },
    { type: 'edit-targets' },
  ];

  it('refuses every change of shape, and keeps the network', () => {
    const locked = start('xor', { isLocked: true });
    for (const action of structure) {
      const state = run(locked, action);
      expect(state.lesson).toBe(locked.lesson);
      expect(state.mode).toBe('normal');
      expect(state.status).toEqual({ text: en.lockedStructure, tone: 'error' });
    }
  });

  it('still changes values, the step rule and the lesson', () => {
    const locked = start('xor', { isLocked: true });
    expect(
      run(locked, { type: 'nudge', direction: 1 }).lesson.network.layers[0]
        ?.neurons[0]?.weights[0],
    ).toBe(-0.4);
    expect(
      run(locked, { type: 'toggle-step-rule' }).lesson.network.stepRule,
    ).toBe('>=');
    expect(run(locked, { type: 'change-lesson', delta: 1 }).lesson.name).toBe(
      'xnor',
    );
  });

  it('leaves structure keys out of help and the footer', () => {
    const help = helpLines(en, 80, true).map(lineText).join('\n');
    expect(help).not.toContain(en.keyNeuron);
    expect(help).not.toContain(en.keyTargets);
    expect(help).not.toContain(en.helpTargetsTitle);
    expect(help).toContain(en.keyNudge);
    expect(help).toContain(en.keyLanguage);
    const footer = footerLines('normal', en, 80, 2, true).join('\n');
    expect(footer).not.toMatch(/N\/D|L\/X|i\/I| a activation| m targets/);
    expect(footer).toContain('J 日本語');
  });
});

describe('save (s)', () => {
  /** `s`, then Enter on `typed` (or on the name offered), saved. */
  function saveAs(state: SessionState, typed?: string): SessionState {
    return run(
      state,
      { type: 'start-save' },
      ...(typed === undefined
        ? []
        : [{ type: 'edit-draft' as const, text: typed }]),
      { type: 'commit-save' },
      { type: 'save-done', path: '/tmp/saved.json' },
    );
  }

  /** The name `s` offers. */
  function offered(state: SessionState): string {
    return run(state, { type: 'start-save' }).draft.prefill;
  }

  it('offers the file the lesson was opened from, then the one saved to', () => {
    const opened = start('xor', { sourcePath: '../lessons/mine.json' });
    expect(offered(opened)).toBe('../lessons/mine.json');
    expect(offered(saveAs(opened, 'copy.json'))).toBe('copy.json');
  });

  it('offers the next lesson its own name after a save, not the file saved', () => {
    const next = run(saveAs(start('and')), { type: 'change-lesson', delta: 1 });
    expect(next.lesson.name).not.toBe('and');
    expect(offered(next)).toBe(`./${next.lesson.name}.json`);

    // Back on AND, its own file again, also by undo.
    expect(offered(run(next, { type: 'change-lesson', delta: -1 }))).toBe(
      './and.json',
    );
    const undone = run(next, { type: 'undo' });
    expect(undone.lesson.name).toBe('and');
    expect(offered(undone)).toBe('./and.json');
  });

  it('remembers a file saved to under another name, for that lesson', () => {
    const saved = saveAs(start('xor'), '/tmp/x7.json');
    const away = run(saved, { type: 'change-lesson', delta: 1 });
    const back = run(away, { type: 'change-lesson', delta: -1 });
    expect(offered(back)).toBe('/tmp/x7.json');
    expect(offered(away)).toBe(`./${away.lesson.name}.json`);
  });

  it('names the file saved to in the header of a user file', () => {
    const opened = start('xor', { sourcePath: '../lessons/mine.json' });
    expect(headerText(opened, en, 80)).toMatch(/^ nn-tui {2}file mine\.json /);
    const saved = saveAs(opened, 'copy.json');
    expect(headerText(saved, en, 80)).toMatch(/^ nn-tui {2}file copy\.json /);
  });

  it('offers ./NAME.json for a built-in lesson, also after a user file', () => {
    const opened = start('xor', { sourcePath: '../lessons/mine.json' });
    const next = run(opened, { type: 'change-lesson', delta: 1 });
    expect(offered(next)).toMatch(/^\.\/[a-z-]+\.json$/);
  });
});

describe('export (E)', () => {
  it('writes ./NAME.py for a lesson that was never saved', () => {
    expect(exportPathFor(start('xor'))).toBe('./xor.py');
  });

  it('writes beside the saved file', () => {
    const savedAs = (path: string) => ({
      ...start(),
      savedPaths: { and: path },
    });
    expect(exportPathFor(savedAs('class/mine.json'))).toBe('class/mine.py');
    expect(exportPathFor(savedAs('mine'))).toBe('mine.py');
  });

  it('writes beside the file the lesson was opened from', () => {
    expect(
      exportPathFor(start('xor', { sourcePath: '../lessons/Mine.JSON' })),
    ).toBe('../lessons/Mine.py');
  });

  it('asks the app to write without replacing, then to replace on y', () => {
    const asked = run(start(), { type: 'start-export' });
    expect(asked.pendingSave).toEqual({
      path: './and.py',
      overwrite: false,
      kind: 'numpy',
    });
    const exists = run(asked, { type: 'export-exists', path: '/tmp/and.py' });
    expect(exists.mode).toBe('confirm-overwrite');
    expect(reduceKeys(exists, ['y']).pendingSave).toEqual({
      path: '/tmp/and.py',
      overwrite: true,
      kind: 'numpy',
    });
    const kept = reduceKeys(exists, ['n']);
    expect(kept.mode).toBe('normal');
    expect(kept.status?.text).toBe(en.exportKept);
    expect(kept.exportPath).toBeNull();
  });

  it('a question about a .py file left unanswered does not turn a later save into an export', () => {
    const asked = run(
      start(),
      { type: 'start-export' },
      { type: 'export-exists', path: '/tmp/and.py' },
      { type: 'cancel' },
      { type: 'start-save' },
      { type: 'commit-save' },
      { type: 'save-exists', path: '/tmp/and.json' },
    );
    expect(reduceKeys(asked, ['y']).pendingSave).toEqual({
      path: './and.json',
      overwrite: true,
    });
  });

  it('leaves the save state alone when done', () => {
    const edited = run(start(), { type: 'nudge', direction: 1 });
    const done = run(
      edited,
      { type: 'start-export' },
      { type: 'export-done', path: '/tmp/and.py' },
    );
    expect(done.isDirty).toBe(true);
    expect(done.savedPaths).toEqual({});
    expect(done.pendingSave).toBeNull();
    expect(done.status?.text).toBe(en.exportedTo('/tmp/and.py'));
  });
});

describe('the hidden grids beside the output grid', () => {
  it('show the selected hidden layer, or the first for an output', () => {
    const { network } = lesson('three-layer');
    expect(sideLayer(network, { layer: 0, neuron: 2 })).toBe(0);
    expect(sideLayer(network, { layer: 1, neuron: 0 })).toBe(1);
    expect(sideLayer(network, { layer: 2, neuron: 1 })).toBe(0);
    expect(
      sideLayer(lesson('and').network, { layer: 0, neuron: 0 }),
    ).toBeNull();
  });

  it('fit two for xor at 80x24, with the left panels at full width', () => {
    const plan = planMiddle(start('xor'), { columns: 80, rows: 24 });
    expect(plan.side).toEqual({ layer: 0, shown: 2, more: 0, columns: 1 });
    expect(plan.layout.gridSizes[0]).toEqual({ width: 17, height: 9 });
    expect(plan.leftWidth).toBeGreaterThanOrEqual(38);
  });

  it('keep their place when a weighted sum reaches exactly 0 (xor, s1 bias 0.6 to 0.5)', () => {
    const size = { columns: 80, rows: 24 };
    for (const language of ['en', 'ja'] as const) {
      for (const mode of [[], [{ type: 'edit-targets' }]] as Action[][]) {
        const xor = { ...start('xor'), language };
        const bias = run(xor, { type: 'move-value', delta: 2 });
        const before = planMiddle(
          run(bias, { type: 'set-value', value: 0.6 }, ...mode),
          size,
        );
        const atZero = planMiddle(
          run(bias, { type: 'set-value', value: 0.5 }, ...mode),
          size,
        );
        // Rows (0,1) and (1,0) now sum to exactly 0 and are marked *.
        expect(atZero.rows.map((row) => row.isOnBoundary)).toEqual([
          false,
          true,
          true,
          false,
        ]);
        expect(atZero.table[2]).toMatch(/ 0\.00\*$/);
        const shape = (plan: typeof before) => ({
          layout: plan.layout,
          leftWidth: plan.leftWidth,
          heights: plan.heights,
          side: plan.side,
          tableLines: plan.table.length,
        });
        expect(shape(atZero)).toEqual(shape(before));
        expect(shape(atZero).side).toEqual({
          layer: 0,
          shown: 2,
          more: 0,
          columns: 1,
        });
      }
    }
  });

  it('take more columns on a wider terminal', () => {
    const plan = planMiddle(start('three-layer'), { columns: 160, rows: 24 });
    expect(plan.side).toEqual({ layer: 0, shown: 3, more: 0, columns: 2 });
  });
});
