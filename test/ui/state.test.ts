import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import type { Lesson } from '../../src/core/lesson.js';
import { LIMITS, shapeProblems } from '../../src/core/network.js';
import { builtInLessons, findLesson } from '../../src/preset/catalog.js';
import { variableName } from '../../src/render/formula.js';
import {
  type Action,
  clampSelection,
  gridChoices,
  HISTORY_LIMIT,
  initialState,
  nudged,
  reduce,
  selectedValue,
  type SessionState,
} from '../../src/ui/state.js';

const lessons = builtInLessons();

function lesson(name: string): Lesson {
  const found = findLesson(name);
  if (!found) throw new Error(`no lesson ${name}`);
  return found;
}

function start(name = 'and', language: 'en' | 'ja' = 'en'): SessionState {
  const found = lesson(name);
  return initialState({
    lessons,
    start: found,
    startIndex: lessons.indexOf(found),
    language,
  });
}

function run(state: SessionState, ...actions: Action[]): SessionState {
  return actions.reduce(reduce, state);
}

const network = (state: SessionState) => state.lesson.network;

describe('selection', () => {
  it('starts on the first weight of the first neuron', () => {
    expect(start('xor').selection).toEqual({ layer: 0, neuron: 0, value: 0 });
  });

  it('moves down through every neuron of every layer, then stops', () => {
    const down = { type: 'move-neuron', delta: 1 } as const;
    const state = start('xor');
    expect(run(state, down).selection).toMatchObject({ layer: 0, neuron: 1 });
    expect(run(state, down, down).selection).toMatchObject({
      layer: 1,
      neuron: 0,
    });
    expect(run(state, down, down, down).selection).toMatchObject({
      layer: 1,
      neuron: 0,
    });
    expect(run(state, { type: 'move-neuron', delta: -1 }).selection).toEqual(
      state.selection,
    );
  });

  it('moves right through the weights to the bias, then stops', () => {
    const right = { type: 'move-value', delta: 1 } as const;
    const state = start('and');
    expect(run(state, right).selection.value).toBe(1);
    expect(run(state, right, right).selection.value).toBe('bias');
    expect(run(state, right, right, right).selection.value).toBe('bias');
    expect(
      run(state, right, right, { type: 'move-value', delta: -1 }).selection
        .value,
    ).toBe(1);
  });

  it('keeps the bias selected when moving to a neuron with fewer weights', () => {
    const state = run(
      start('xor'),
      { type: 'move-value', delta: 2 },
      { type: 'move-neuron', delta: 2 },
    );
    expect(state.selection).toEqual({ layer: 1, neuron: 0, value: 'bias' });
  });

  it('clamps a selection onto a value that exists', () => {
    expect(
      clampSelection(network(start('and')), { layer: 5, neuron: 9, value: 7 }),
    ).toEqual({ layer: 0, neuron: 0, value: 1 });
  });
});

describe('values', () => {
  it('nudges the selected value by the step, up and down', () => {
    const state = run(
      start('and'),
      { type: 'move-value', delta: 2 },
      { type: 'nudge', direction: 1 },
    );
    expect(network(state).layers[0]?.neurons[0]?.bias).toBe(-0.6);
    expect(run(state, { type: 'nudge', direction: -1 })).toMatchObject({
      lesson: { network: { layers: [{ neurons: [{ bias: -0.7 }] }] } },
    });
  });

  it('turns AND into OR with five nudges of the bias', () => {
    const up = { type: 'nudge', direction: 1 } as const;
    const state = run(
      start('and'),
      { type: 'move-value', delta: 2 },
      up,
      up,
      up,
      up,
      up,
    );
    expect(selectedValue(state)).toBe(-0.2);
  });

  it('rounds nudges to 12 significant digits so ten tenths make 1', () => {
    let value = 0;
    for (let i = 0; i < 10; i++) value = nudged(value, 0.1);
    expect(value).toBe(1);
    expect(nudged(-0.7, 0.1)).toBe(-0.6);
  });

  it('changes the step between 0.01, 0.1 and 1, and no further', () => {
    const bigger = { type: 'change-step', direction: 1 } as const;
    const smaller = { type: 'change-step', direction: -1 } as const;
    expect(start().stepSize).toBe(0.1);
    expect(run(start(), bigger).stepSize).toBe(1);
    expect(run(start(), bigger, bigger).stepSize).toBe(1);
    expect(run(start(), smaller).stepSize).toBe(0.01);
    expect(run(start(), smaller, smaller).stepSize).toBe(0.01);
    expect(run(start(), smaller).status?.text).toContain('0.01');
  });

  it('nudges by the chosen step', () => {
    const state = run(
      start('and'),
      { type: 'change-step', direction: -1 },
      { type: 'nudge', direction: 1 },
    );
    expect(selectedValue(state)).toBe(0.51);
  });

  it('zeroes the selected value', () => {
    const state = run(start('and'), { type: 'zero-value' });
    expect(network(state).layers[0]?.neurons[0]?.weights).toEqual([0, 0.5]);
    expect(state.isDirty).toBe(true);
  });

  it('sets a value, but refuses one that is not finite', () => {
    expect(selectedValue(run(start(), { type: 'set-value', value: 2.5 }))).toBe(
      2.5,
    );
    const refused = run(start(), { type: 'set-value', value: Infinity });
    expect(selectedValue(refused)).toBe(0.5);
    expect(refused.status?.tone).toBe('error');
    expect(refused.past).toHaveLength(0);
  });
});

describe('typed values', () => {
  const type = (state: SessionState, text: string) =>
    run(state, { type: 'edit-draft', text });

  it('opens a field prefilled with the selected value', () => {
    const state = run(
      start('and'),
      { type: 'move-value', delta: 2 },
      { type: 'start-edit' },
    );
    expect(state.mode).toBe('edit-value');
    expect(state.draft).toEqual({ text: '', prefill: '-0.70', error: null });
  });

  it('prefills every digit when two decimals would hide some', () => {
    const state = run(
      start('and'),
      { type: 'set-value', value: 0.125 },
      { type: 'start-edit' },
    );
    expect(state.draft.prefill).toBe('0.125');
  });

  it('Enter on the untouched field keeps the value and adds no undo step', () => {
    const state = run(
      start('and'),
      { type: 'start-edit' },
      {
        type: 'commit-edit',
      },
    );
    expect(state.mode).toBe('normal');
    expect(selectedValue(state)).toBe(0.5);
    expect(state.past).toHaveLength(0);
  });

  it('commits a typed value with Enter', () => {
    const state = run(type(run(start('and'), { type: 'start-edit' }), '-0.5'), {
      type: 'commit-edit',
    });
    expect(state.mode).toBe('normal');
    expect(selectedValue(state)).toBe(-0.5);
    expect(state.past).toHaveLength(1);
  });

  it('refuses 1,5 with the hint, keeps the field open and the old value', () => {
    const state = run(type(run(start('and'), { type: 'start-edit' }), '1,5'), {
      type: 'commit-edit',
    });
    expect(state.mode).toBe('edit-value');
    expect(state.draft.text).toBe('1,5');
    expect(state.draft.error).toBe("'1,5': use a dot for decimals");
    expect(selectedValue(state)).toBe(0.5);
    expect(state.past).toHaveLength(0);
  });

  it.each([
    ['-', "'-' is not a number"],
    ['.', "'.' is not a number"],
    ['abc', "'abc' is not a number"],
    ['0x10', "'0x10' is not a number"],
    ['NaN', "'NaN' is not a number"],
    ['1e400', "'1e400' is too large"],
  ])('refuses %j: %s', (text, reason) => {
    const opened = run(start('and'), { type: 'start-edit' });
    const state = run(
      { ...opened, draft: { ...opened.draft, text } },
      { type: 'commit-edit' },
    );
    expect(state.draft.error).toBe(reason);
    expect(selectedValue(state)).toBe(0.5);
  });

  it('gives the reasons in Japanese on a Japanese screen', () => {
    const opened = run(start('and', 'ja'), { type: 'start-edit' });
    const state = run(
      { ...opened, draft: { ...opened.draft, text: '1,5' } },
      { type: 'commit-edit' },
    );
    expect(state.draft.error).toBe(
      "'1,5': 小数点にはドット (.) を使ってください",
    );
  });

  it('cancels with Esc, keeping the old value', () => {
    const state = run(type(run(start('and'), { type: 'start-edit' }), '9'), {
      type: 'cancel',
    });
    expect(state.mode).toBe('normal');
    expect(selectedValue(state)).toBe(0.5);
    expect(state.draft.text).toBe('');
  });
});

describe('presets', () => {
  it('n and p move through the lessons, wrapping at the ends', () => {
    expect(
      run(start('and'), { type: 'change-lesson', delta: 1 }).lesson.name,
    ).toBe('nand');
    expect(
      run(start('and'), { type: 'change-lesson', delta: -1 }).lesson.name,
    ).toBe('blank');
    expect(
      run(start('blank'), { type: 'change-lesson', delta: 1 }).lesson.name,
    ).toBe('and');
  });

  it('from a user file, n opens the first lesson and p the last', () => {
    const file = initialState({
      lessons,
      start: { ...lesson('xor'), name: 'mine' },
      startIndex: null,
      language: 'en',
    });
    expect(run(file, { type: 'change-lesson', delta: 1 }).lessonIndex).toBe(0);
    expect(run(file, { type: 'change-lesson', delta: -1 }).lessonIndex).toBe(
      lessons.length - 1,
    );
  });

  it('switching presets resets the selection and can be undone', () => {
    const moved = run(start('xor'), { type: 'move-neuron', delta: 2 });
    const next = run(moved, { type: 'change-lesson', delta: 1 });
    expect(next.lesson.name).toBe('xnor');
    expect(next.selection).toEqual({ layer: 0, neuron: 0, value: 0 });
    const back = run(next, { type: 'undo' });
    expect(back.lesson.name).toBe('xor');
    expect(back.lessonIndex).toBe(6);
    expect(back.selection).toEqual(moved.selection);
  });

  it("switching lessons keeps each one's edits, and marks each on its own", () => {
    expect(run(start(), { type: 'change-lesson', delta: 1 }).isDirty).toBe(
      false,
    );
    const edited = run(start(), { type: 'nudge', direction: 1 });
    const next = run(edited, { type: 'change-lesson', delta: 1 });
    expect(next.lesson).toBe(next.lessons[1]);
    expect(next.isDirty).toBe(false);

    const back = run(next, { type: 'change-lesson', delta: -1 });
    expect(back.lesson.network).toEqual(edited.lesson.network);
    expect(back.isDirty).toBe(true);
  });

  it('quitting asks about edits left in another lesson, by name', () => {
    const edited = run(start('nand'), { type: 'nudge', direction: 1 });
    const elsewhere = run(edited, { type: 'change-lesson', delta: 1 });

    const asked = run(elsewhere, { type: 'quit' });

    expect(asked.isQuitting).toBe(false);
    expect(asked.status?.text).toBe(en.confirmQuit(['nand']));
    const both = run(
      elsewhere,
      { type: 'nudge', direction: 1 },
      { type: 'quit' },
    );
    expect(both.status?.text).toBe(en.confirmQuit(['or', 'nand']));
  });

  it("saving the lesson on screen leaves another's edits unsaved", () => {
    const edited = run(start('nand'), { type: 'nudge', direction: 1 });
    const elsewhere = run(edited, { type: 'change-lesson', delta: 1 });
    const saved = run(
      elsewhere,
      { type: 'start-save' },
      { type: 'commit-save' },
      { type: 'save-done', path: './or.json' },
    );
    expect(saved.isDirty).toBe(false);

    const asked = run(saved, { type: 'quit' });

    expect(asked.mode).toBe('confirm-quit');
    expect(asked.status?.text).toBe(en.confirmQuit(['nand']));
  });

  it('a change undone by hand, or by u back to the saved work, is not unsaved', () => {
    const up = run(start(), { type: 'nudge', direction: 1 });
    expect(up.isDirty).toBe(true);
    expect(run(up, { type: 'nudge', direction: -1 }).isDirty).toBe(false);

    const saved = run(
      up,
      { type: 'start-save' },
      { type: 'commit-save' },
      { type: 'save-done', path: './and.json' },
    );
    const again = run(saved, { type: 'nudge', direction: 1 });
    expect(again.isDirty).toBe(true);
    expect(run(again, { type: 'undo' }).isDirty).toBe(false);
    // Back before the save: the file holds other work now.
    expect(run(again, { type: 'undo' }, { type: 'undo' }).isDirty).toBe(true);
  });

  it('the preset list opens on the current lesson and picks one', () => {
    const open = run(start('xor'), { type: 'open-preset-list' });
    expect(open.mode).toBe('preset-list');
    expect(open.listIndex).toBe(6);
    const picked = run(
      open,
      { type: 'move-list', delta: 2 },
      { type: 'pick-list' },
    );
    expect(picked.lesson.name).toBe('half-adder');
    expect(picked.mode).toBe('normal');
    const limited = run(open, { type: 'move-list', delta: 99 });
    expect(limited.listIndex).toBe(lessons.length - 1);
    expect(run(open, { type: 'cancel' }).mode).toBe('normal');
  });

  it('picking the open lesson keeps its edits', () => {
    const edited = run(start('xor'), { type: 'nudge', direction: 1 });
    const picked = run(
      edited,
      { type: 'open-preset-list' },
      { type: 'pick-list' },
    );
    expect(picked.mode).toBe('normal');
    expect(picked.lesson).toBe(edited.lesson);
    expect(picked.past).toEqual(edited.past);
  });

  it('picking the open lesson unchanged adds no undo step', () => {
    const state = run(
      start('xor'),
      { type: 'open-preset-list' },
      { type: 'pick-list' },
    );
    expect(state.past).toHaveLength(0);
  });
});

describe('structure', () => {
  it('a cycles the selected layer through every activation', () => {
    const next = { type: 'cycle-activation' } as const;
    const names = [1, 2, 3, 4, 5].map(
      (n) =>
        network(run(start(), ...Array<Action>(n).fill(next))).layers[0]
          ?.activation,
    );
    expect(names).toEqual(['sigmoid', 'tanh', 'relu', 'linear', 'step']);
    expect(run(start(), next).status?.text).toBe('Layer 1 now uses sigmoid.');
  });

  it('N adds a zero neuron, selects it, and widens the next layer', () => {
    const state = run(start('xor'), { type: 'add-neuron' });
    const [hidden, output] = network(state).layers;
    expect(hidden?.neurons[2]).toEqual({ weights: [0, 0], bias: 0 });
    expect(output?.neurons[0]?.weights).toEqual([0.5, 0.5, 0]);
    expect(state.selection).toEqual({ layer: 0, neuron: 2, value: 0 });
  });

  it('N refuses a seventeenth neuron', () => {
    let state = start('xor');
    for (let i = 0; i < LIMITS.neurons; i++) {
      state = run(state, { type: 'add-neuron' });
    }
    expect(network(state).layers[0]?.neurons).toHaveLength(LIMITS.neurons);
    expect(state.status).toEqual({
      text: 'A layer holds at most 16 neurons; this one is full.',
      tone: 'error',
    });
  });

  it('D deletes a neuron and its weight in the next layer', () => {
    const state = run(start('xor'), { type: 'delete-neuron' });
    const [hidden, output] = network(state).layers;
    expect(hidden?.neurons.map((n) => n.label)).toEqual(['s2 OR']);
    expect(output?.neurons[0]?.weights).toEqual([0.5]);
  });

  it('D refuses to delete the last neuron of a layer', () => {
    const state = run(start('and'), { type: 'delete-neuron' });
    expect(network(state)).toBe(network(start('and')));
    expect(state.status).toEqual({
      text: 'A layer needs at least one neuron: delete the layer with X instead.',
      tone: 'error',
    });
    expect(state.past).toHaveLength(0);
  });

  it('L adds a pass-through layer after the selected one and selects it', () => {
    const state = run(start('and'), { type: 'add-layer' });
    expect(network(state).layers).toHaveLength(2);
    // The new layer is the output: the output's label moves to it.
    expect(network(state).layers[1]).toEqual({
      activation: 'linear',
      neurons: [{ label: 'y AND', weights: [1], bias: 0 }],
    });
    expect(network(state).layers[0]?.neurons[0]?.label).toBeUndefined();
    expect(variableName(network(state), { layer: 0, neuron: 0 })).toBe('h1.1');
    expect(state.selection).toEqual({ layer: 1, neuron: 0, value: 0 });
  });

  it('L between layers leaves the labels where they are', () => {
    const state = run(start('xor'), { type: 'add-layer' });
    const names = [0, 1, 2].map((layer) =>
      network(state).layers[layer]!.neurons.map((_, neuron) =>
        variableName(network(state), { layer, neuron }),
      ),
    );
    expect(names).toEqual([['s1', 's2'], ['h2.1', 'h2.2'], ['y']]);
  });

  it('L refuses a seventh layer', () => {
    let state = start('and');
    for (let i = 0; i < LIMITS.layers; i++) {
      state = run(state, { type: 'add-layer' });
    }
    expect(network(state).layers).toHaveLength(LIMITS.layers);
    expect(state.status?.text).toBe('A network holds at most 6 layers.');
  });

  it('X deletes the selected layer; the next one reads the one before', () => {
    const state = run(start('xor'), { type: 'delete-layer' });
    expect(network(state).layers).toHaveLength(1);
    expect(network(state).layers[0]?.neurons[0]?.weights).toEqual([0.5, 0.5]);
    expect(state.status?.text).toBe(
      'Layer 1 deleted: the layer after it now reads x1, x2, each weight ' +
        'kept in its place and any new one 0.',
    );
  });

  it('X on the output layer says the layer before is the output now', () => {
    const output = { layer: 2, neuron: 0, value: 0 } as const;
    const state = run(
      { ...start('three-layer'), selection: output },
      { type: 'delete-layer' },
    );
    expect(network(state).layers).toHaveLength(2);
    expect(state.status?.text).toBe(
      'Layer 3 deleted: the layer before it is the output now.',
    );
  });

  it('X refuses to delete the last layer', () => {
    const state = run(start('and'), { type: 'delete-layer' });
    expect(network(state).layers).toHaveLength(1);
    expect(state.status?.text).toBe(
      'A network needs at least one layer, so the last one stays.',
    );
  });

  it('i adds an input with zero weights and drops targets that no longer fit', () => {
    const state = run(start('and'), { type: 'add-input' });
    expect(network(state).inputs).toEqual(['x1', 'x2', 'x3']);
    expect(network(state).layers[0]?.neurons[0]?.weights).toEqual([
      0.5, 0.5, 0,
    ]);
    expect(state.lesson.targets).toBeNull();
    expect(state.status?.text).toContain('were dropped');
    expect(run(state, { type: 'undo' }).lesson.targets).toEqual(
      lesson('and').targets,
    );
  });

  it('i refuses a seventh input', () => {
    let state = start('and');
    for (let i = 0; i < 5; i++) state = run(state, { type: 'add-input' });
    expect(network(state).inputs).toHaveLength(LIMITS.inputs);
    expect(state.status?.text).toBe('A network takes at most 6 inputs.');
  });

  it('I removes the last input, and refuses to remove the only one', () => {
    const state = run(start('and'), { type: 'remove-input' });
    expect(network(state).inputs).toEqual(['x1']);
    const refused = run(state, { type: 'remove-input' });
    expect(network(refused).inputs).toEqual(['x1']);
    expect(refused.status?.text).toBe(
      'A network needs at least one input, so the last one stays.',
    );
  });

  it('a second output neuron drops one-output targets', () => {
    const state = run(start('and'), { type: 'add-neuron' });
    expect(state.lesson.targets).toBeNull();
    expect(state.status?.tone).toBe('info');
  });
});

describe('grid', () => {
  it('g steps through each output, then each hidden neuron', () => {
    const g = { type: 'cycle-grid' } as const;
    const state = start('half-adder');
    expect(gridChoices(network(state))).toEqual([
      { layer: 1, neuron: 0 },
      { layer: 1, neuron: 1 },
      { layer: 0, neuron: 0 },
      { layer: 0, neuron: 1 },
      { layer: 0, neuron: 2 },
    ]);
    expect(run(state, g).grid.neuron).toEqual({ layer: 1, neuron: 1 });
    expect(run(state, g, g).grid.neuron).toEqual({ layer: 0, neuron: 0 });
    expect(run(state, g, g, g, g, g).grid.neuron).toEqual({
      layer: 1,
      neuron: 0,
    });
  });

  it('x and y choose two different axes from three inputs', () => {
    const state = start('majority');
    expect(state.grid).toMatchObject({ xAxis: 0, yAxis: 1 });
    expect(run(state, { type: 'cycle-axis', axis: 'x' }).grid).toMatchObject({
      xAxis: 2,
      yAxis: 1,
    });
    expect(run(state, { type: 'cycle-axis', axis: 'y' }).grid).toMatchObject({
      xAxis: 0,
      yAxis: 2,
    });
  });

  it('x and y say why with two inputs', () => {
    const state = run(start('and'), { type: 'cycle-axis', axis: 'x' });
    expect(state.grid).toMatchObject({ xAxis: 0, yAxis: 1 });
    expect(state.status?.tone).toBe('error');
  });

  it('the grid falls back to the first output when its neuron goes', () => {
    const state = run(
      start('xor'),
      { type: 'cycle-grid' },
      { type: 'cycle-grid' },
    );
    expect(state.grid.neuron).toEqual({ layer: 0, neuron: 1 });
    const after = run(
      state,
      { type: 'move-neuron', delta: 1 },
      { type: 'delete-neuron' },
    );
    expect(after.grid.neuron).toBeNull();
  });

  it('the y axis disappears with one input and comes back with two', () => {
    const one = run(start('and'), { type: 'remove-input' });
    expect(one.grid.yAxis).toBeNull();
    expect(run(one, { type: 'add-input' }).grid.yAxis).toBe(1);
  });
});

describe('targets', () => {
  it('m enters target editing and Esc or m leaves it', () => {
    const state = run(start('and'), { type: 'edit-targets' });
    expect(state.mode).toBe('targets');
    expect(run(state, { type: 'cancel' }).mode).toBe('normal');
    expect(run(state, { type: 'edit-targets' }).mode).toBe('normal');
  });

  it('sets the target of the chosen row, undoably', () => {
    const state = run(
      start('and'),
      { type: 'edit-targets' },
      { type: 'move-target', delta: 1 },
      { type: 'set-target', value: 1 },
    );
    expect(state.lesson.targets).toEqual([[0], [1], [0], [1]]);
    expect(state.isDirty).toBe(true);
    expect(run(state, { type: 'undo' }).lesson.targets).toEqual(
      lesson('and').targets,
    );
  });

  it('space flips a target; rows stop at the table ends', () => {
    const state = run(
      start('and'),
      { type: 'edit-targets' },
      { type: 'move-target', delta: 9 },
      { type: 'set-target', value: 'toggle' },
    );
    expect(state.targetRow).toBe(3);
    expect(state.lesson.targets).toEqual([[0], [0], [0], [0]]);
  });

  it('starts targets from the current outputs when a lesson has none', () => {
    const state = run(
      start('and'),
      { type: 'add-input' },
      { type: 'remove-input' },
      { type: 'edit-targets' },
      { type: 'set-target', value: 1 },
    );
    expect(state.lesson.targets).toEqual([[1], [0], [0], [1]]);
  });

  it('chooses the output to set when there are several', () => {
    const state = run(
      start('half-adder'),
      { type: 'edit-targets' },
      { type: 'move-target-output', delta: 1 },
      { type: 'set-target', value: 1 },
    );
    expect(state.lesson.targets?.[0]).toEqual([0, 1]);
    expect(
      run(state, { type: 'move-target-output', delta: 5 }).targetOutput,
    ).toBe(1);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes every kind of change in order', () => {
    const actions: Action[] = [
      { type: 'nudge', direction: 1 },
      { type: 'add-neuron' },
      { type: 'cycle-activation' },
      { type: 'add-input' },
      { type: 'change-lesson', delta: 1 },
    ];
    const states = [start('and')];
    for (const action of actions) states.push(reduce(states.at(-1)!, action));
    let state = states.at(-1)!;
    for (let i = actions.length - 1; i >= 0; i--) {
      state = reduce(state, { type: 'undo' });
      expect(state.lesson).toBe(states[i]?.lesson);
    }
    for (let i = 1; i <= actions.length; i++) {
      state = reduce(state, { type: 'redo' });
      expect(state.lesson).toBe(states[i]?.lesson);
    }
  });

  it('says when there is nothing to undo or redo', () => {
    expect(run(start(), { type: 'undo' }).status?.text).toBe(
      'Nothing to undo.',
    );
    expect(run(start(), { type: 'redo' }).status?.text).toBe(
      'Nothing to redo.',
    );
  });

  it('a new change after undo drops the redo steps', () => {
    const state = run(
      start(),
      { type: 'nudge', direction: 1 },
      { type: 'undo' },
      { type: 'nudge', direction: -1 },
    );
    expect(state.future).toHaveLength(0);
  });

  it(`keeps ${HISTORY_LIMIT} steps, at least the 200 asked for`, () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(200);
    let state = start();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      state = reduce(state, { type: 'nudge', direction: 1 });
    }
    expect(state.past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT; i++) {
      state = reduce(state, { type: 'undo' });
    }
    expect(selectedValue(state)).toBe(nudgedTimes(0.5, 20));
  });

  it('undoing back to the opened lesson marks it saved again', () => {
    const state = run(
      start(),
      { type: 'nudge', direction: 1 },
      { type: 'undo' },
    );
    expect(state.isDirty).toBe(false);
  });
});

function nudgedTimes(value: number, times: number): number {
  let result = value;
  for (let i = 0; i < times; i++) result = nudged(result, 0.1);
  return result;
}

describe('saving and quitting', () => {
  it('s asks for a path, by default the lesson name', () => {
    const state = run(start('xor'), { type: 'start-save' });
    expect(state.mode).toBe('save-path');
    expect(state.draft.prefill).toBe('./xor.json');
  });

  it('Enter asks the app to save; an empty path is refused', () => {
    const opened = run(start('xor'), { type: 'start-save' });
    expect(run(opened, { type: 'commit-save' }).pendingSave).toEqual({
      path: './xor.json',
      overwrite: false,
    });
    const empty = run(
      { ...opened, draft: { text: '  ', prefill: '', error: null } },
      { type: 'commit-save' },
    );
    expect(empty.pendingSave).toBeNull();
    expect(empty.draft.error).toBe('type a file name');
  });

  it('an existing file asks first; y overwrites, another key keeps it', () => {
    const asked = run(
      start('xor'),
      { type: 'start-save' },
      { type: 'commit-save' },
      { type: 'save-exists', path: '/tmp/xor.json' },
    );
    expect(asked.mode).toBe('confirm-overwrite');
    expect(asked.pendingSave).toBeNull();
    expect(asked.status?.text).toBe(
      '/tmp/xor.json already exists: y replaces it, any other key keeps it.',
    );
    expect(run(asked, { type: 'confirm-overwrite' }).pendingSave).toEqual({
      path: './xor.json',
      overwrite: true,
    });
    const kept = run(asked, { type: 'decline-overwrite' });
    expect(kept.mode).toBe('save-path');
    expect(kept.pendingSave).toBeNull();
  });

  it('a save marks the session saved and says where', () => {
    const saved = run(
      start('xor'),
      { type: 'nudge', direction: 1 },
      { type: 'start-save' },
      { type: 'commit-save' },
      { type: 'save-done', path: '/tmp/xor.json' },
    );
    expect(saved.isDirty).toBe(false);
    expect(saved.mode).toBe('normal');
    expect(saved.status?.text).toBe('Saved to /tmp/xor.json');
    expect(run(saved, { type: 'start-save' }).draft.prefill).toBe('./xor.json');
  });

  it('a failed save keeps the field open with the reason', () => {
    const failed = run(
      start('xor'),
      { type: 'start-save' },
      { type: 'commit-save' },
      { type: 'save-failed', message: 'x.json: not saved: permission denied' },
    );
    expect(failed.mode).toBe('save-path');
    expect(failed.draft.error).toBe('x.json: not saved: permission denied');
  });

  it('q quits at once when everything is saved', () => {
    expect(run(start(), { type: 'quit' }).isQuitting).toBe(true);
  });

  it('q with unsaved changes asks once; q again quits, another key stays', () => {
    const asked = run(start(), { type: 'zero-value' }, { type: 'quit' });
    expect(asked.isQuitting).toBe(false);
    expect(asked.mode).toBe('confirm-quit');
    expect(run(asked, { type: 'quit' }).isQuitting).toBe(true);
    const stayed = run(asked, { type: 'cancel' });
    expect(stayed.mode).toBe('normal');
    expect(stayed.isQuitting).toBe(false);
  });
});

describe('help', () => {
  it('? opens help; it scrolls within its limit and closes', () => {
    const open = run(start(), { type: 'show-help' });
    expect(open.mode).toBe('help');
    expect(
      run(open, { type: 'scroll-help', delta: 5, limit: 3 }).helpScroll,
    ).toBe(3);
    expect(run(open, { type: 'scroll-help', delta: -1 }).helpScroll).toBe(0);
    expect(run(open, { type: 'cancel' }).mode).toBe('normal');
  });
});

describe('every lesson', () => {
  it.each(lessons.map((l) => [l.name]))(
    '%s opens with a sound network and a valid selection',
    (name) => {
      const state = start(name);
      expect(shapeProblems(network(state))).toEqual([]);
      expect(clampSelection(network(state), state.selection)).toEqual(
        state.selection,
      );
    },
  );
});
