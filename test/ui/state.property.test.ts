import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, shapeProblems } from '../../src/core/network.js';
import { targetsFit } from '../../src/core/truth-table.js';
import { builtInLessons } from '../../src/preset/catalog.js';
import { KEYMAP, reduceKeys } from '../../src/ui/keymap.js';
import {
  type Action,
  clampSelection,
  initialState,
  reduce,
  type SessionState,
} from '../../src/ui/state.js';

const lessons = builtInLessons();

/** Every action the screen sends, with arbitrary numbers and text. */
const anyAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    type: fc.constant('move-neuron' as const),
    delta: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({
    type: fc.constant('move-value' as const),
    delta: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({
    type: fc.constant('nudge' as const),
    direction: fc.constantFrom(1 as const, -1 as const),
  }),
  fc.record({
    type: fc.constant('change-step' as const),
    direction: fc.constantFrom(1 as const, -1 as const),
  }),
  fc.record({ type: fc.constant('set-value' as const), value: fc.double() }),
  fc.record({
    type: fc.constant('edit-draft' as const),
    text: fc.oneof(fc.string(), fc.double().map(String)),
  }),
  fc.record({
    type: fc.constant('change-lesson' as const),
    delta: fc.integer({ min: -2, max: 2 }),
  }),
  fc.record({
    type: fc.constant('open-lesson' as const),
    index: fc.integer({ min: -20, max: 20 }),
  }),
  fc.record({
    type: fc.constant('move-list' as const),
    delta: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({
    type: fc.constant('cycle-axis' as const),
    axis: fc.constantFrom('x' as const, 'y' as const),
  }),
  fc.record({
    type: fc.constant('move-target' as const),
    delta: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({
    type: fc.constant('move-target-output' as const),
    delta: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({
    type: fc.constant('set-target' as const),
    value: fc.constantFrom(0 as const, 1 as const, 'toggle' as const),
  }),
  fc.constantFrom<Action>(
    { type: 'zero-value' },
    { type: 'start-edit' },
    { type: 'commit-edit' },
    { type: 'cancel' },
    { type: 'open-preset-list' },
    { type: 'pick-list' },
    { type: 'cycle-activation' },
    { type: 'add-neuron' },
    { type: 'delete-neuron' },
    { type: 'add-layer' },
    { type: 'delete-layer' },
    { type: 'add-input' },
    { type: 'remove-input' },
    { type: 'cycle-grid' },
    { type: 'edit-targets' },
    { type: 'undo' },
    { type: 'redo' },
    { type: 'show-help' },
    { type: 'start-save' },
    { type: 'commit-save' },
    { type: 'quit' },
  ),
);

/** Structure edits weighted up, so that networks grow and shrink a lot. */
const structural = fc.constantFrom<Action>(
  { type: 'add-neuron' },
  { type: 'delete-neuron' },
  { type: 'add-layer' },
  { type: 'delete-layer' },
  { type: 'add-input' },
  { type: 'remove-input' },
  { type: 'move-neuron', delta: 1 },
  { type: 'move-neuron', delta: -1 },
);

const actions = fc.array(fc.oneof(anyAction, structural), {
  maxLength: 80,
  size: 'max',
});

const startState = fc
  .integer({ min: 0, max: lessons.length - 1 })
  .map((index) =>
    initialState({
      lessons,
      start: lessons[index]!,
      startIndex: index,
      language: 'en',
    }),
  );

/** What must hold of every session, whatever was pressed. */
function problems(state: SessionState): string[] {
  const { network, targets } = state.lesson;
  const found = [...shapeProblems(network)];
  if (network.inputs.length > LIMITS.inputs) found.push('too many inputs');
  if (network.layers.length > LIMITS.layers) found.push('too many layers');
  if (network.layers.some((layer) => layer.neurons.length > LIMITS.neurons)) {
    found.push('too many neurons');
  }
  const values = network.layers.flatMap((layer) =>
    layer.neurons.flatMap((neuron) => [...neuron.weights, neuron.bias]),
  );
  if (!values.every(Number.isFinite)) found.push('a value is not finite');
  if (targets && !targetsFit(network, targets)) found.push('targets misfit');
  const clamped = clampSelection(network, state.selection);
  if (JSON.stringify(clamped) !== JSON.stringify(state.selection)) {
    found.push('selection outside the network');
  }
  const { xAxis, yAxis } = state.grid;
  if (xAxis >= network.inputs.length || xAxis === yAxis) {
    found.push('bad grid axes');
  }
  if ((yAxis === null) !== (network.inputs.length === 1)) {
    found.push('y axis does not match the inputs');
  }
  return found;
}

describe('any sequence of actions', () => {
  it('keeps the network sound and the selection, grid and targets valid', () => {
    fc.assert(
      fc.property(startState, actions, (state, list) => {
        let current = state;
        for (const action of list) {
          current = reduce(current, action);
          expect(problems(current)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('undone to the start gives back the starting network exactly', () => {
    fc.assert(
      fc.property(startState, actions, (state, list) => {
        let current = list.reduce(reduce, state);
        while (current.past.length > 0) {
          current = reduce(current, { type: 'undo' });
        }
        expect(current.lesson.network).toEqual(state.lesson.network);
        expect(current.lesson.targets).toEqual(state.lesson.targets);
        expect(current.lesson.name).toBe(state.lesson.name);
      }),
      { numRuns: 300 },
    );
  });

  it('redone to the end gives back the newest network exactly', () => {
    const undoAll = (state: SessionState) => {
      let current = state;
      while (current.past.length > 0) {
        current = reduce(current, { type: 'undo' });
      }
      return current;
    };
    const redoAll = (state: SessionState) => {
      let current = state;
      while (current.future.length > 0) {
        current = reduce(current, { type: 'redo' });
      }
      return current;
    };
    fc.assert(
      fc.property(startState, actions, (state, list) => {
        const final = list.reduce(reduce, state);
        const newest = redoAll(final).lesson;
        expect(redoAll(undoAll(final)).lesson).toEqual(newest);
      }),
      { numRuns: 200 },
    );
  });
});

describe('any sequence of keys', () => {
  const keys = [
    ...new Set(KEYMAP.flatMap((g) => g.bindings.flatMap((b) => b.keys))),
  ].filter((key) => key !== 'other' && key !== 'ctrl+c');

  it('keeps every session valid through the keymap', () => {
    fc.assert(
      fc.property(
        startState,
        fc.array(fc.constantFrom(...keys, 'z', '7', 'space'), {
          maxLength: 120,
          size: 'max',
        }),
        (state, pressed) => {
          let current = state;
          for (const key of pressed) {
            current = reduceKeys(current, [key]);
            expect(problems(current)).toEqual([]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
