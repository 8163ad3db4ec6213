import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.js';
import { createTrainingState, trainEpoch } from '../../src/core/train.js';
import { findLesson } from '../../src/preset/catalog.js';
import { significant } from '../../src/core/number.js';
import { settingsOf } from '../../src/ui/training.js';
import { KEY, openScreen, overflow, type TestScreen } from './helpers.js';

let screen: TestScreen | undefined;

afterEach(() => {
  screen?.unmount();
  screen = undefined;
});

function open(...args: Parameters<typeof openScreen>): TestScreen {
  screen = openScreen(...args);
  return screen;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function lesson(name: string): Lesson {
  const found = findLesson(name);
  if (!found) throw new Error(`no lesson ${name}`);
  return found;
}

/** The epoch the training panel shows. */
function shownEpoch(frame: string): number {
  const match = /epoch (\d+) {2}loss/.exec(frame);
  if (!match) throw new Error(`no epoch on the screen:\n${frame}`);
  return Number(match[1]);
}

/** The loss of xor-sigmoid after each of the first epochs, as shown. */
function xorLosses(epochs: number): string[] {
  const xor = lesson('xor-sigmoid');
  const settings = settingsOf(xor, 0.5);
  let state = createTrainingState(xor.network, xor.targets!, settings);
  const losses = [state.loss];
  for (let epoch = 0; epoch < epochs; epoch++) {
    state = trainEpoch(state, settings, xor.targets!);
    losses.push(state.loss);
  }
  expect(losses.every((loss, i) => i === 0 || loss < losses[i - 1]!)).toBe(
    true,
  );
  return losses.map(significant);
}

/** xor-sigmoid at a rate so small that a live run goes on for a while. */
function slowXor(): Lesson {
  const xor = lesson('xor-sigmoid');
  return {
    ...xor,
    name: 'slow-xor',
    training: { rule: 'backprop', learningRate: 0.01, seed: 1, epochs: 1e6 },
  };
}

const NOTES = 'Here a 2-2-1 sigmoid network learns XOR by itself.';

describe('t: one epoch', () => {
  it('on xor-sigmoid shows the training panel, advances the epoch and lowers the loss', async () => {
    const s = open({ lesson: 'xor-sigmoid' });
    const losses = xorLosses(2);
    expect(s.frame()).toContain(NOTES);

    const once = await s.press('t');
    expect(once).not.toContain(NOTES);
    expect(once).toContain('Training  backprop  rate 0.5');
    expect(once).toContain(`epoch 1  loss ${losses[1]}  2/4 right`);

    const twice = await s.press('t');
    expect(twice).toContain(`epoch 2  loss ${losses[2]}  2/4 right`);
    expect(twice).toContain('Learning XOR with backprop *');
  });

  it('draws the loss curve in the panel, within its width', async () => {
    const s = open({ lesson: 'xor-sigmoid' });
    for (let i = 0; i < 12; i++) await s.press('t');
    const line = s
      .frame()
      .split('\n')
      .find((text) => text.startsWith('loss '));

    expect(line).toMatch(/^loss [▁▂▃▄▅▆▇█]{13}(\s|$)/);
    expect(stringWidth(line ?? '')).toBeLessThanOrEqual(80);
  });
});

describe('.: one single update', () => {
  it('on AND from zero shows the row, the output, the error and each change', async () => {
    const s = open({ lesson: 'and' });
    // Every weight and the bias to 0 first.
    for (const key of ['0', 'l', '0', 'l', '0']) await s.press(key);
    expect(s.frame()).toContain('> y: x1   0.00  x2   0.00  b[  0.00]');

    const first = await s.press('.');
    expect(first).toContain('Training  perceptron rule  rate 1');
    expect(first).toContain('row (0, 0): output 0, target 0, error 0');
    expect(first).toContain('no change: the output was right');

    await s.press('.');
    await s.press('.');
    const fourth = await s.press('.');
    expect(fourth).toContain('epoch 1  loss 0.375  1/4 right');
    expect(fourth).toContain('row (1, 1): output 0, target 1, error +1');
    expect(fourth).toContain('change y: x1 +1  x2 +1  b +1');
    expect(fourth).toContain('> y: x1   1.00  x2   1.00  b[  1.00]');

    const fifth = await s.press('.');
    expect(fifth).toContain('row (0, 0): output 1, target 0, error -1');
    expect(fifth).toContain('change y: x1 0  x2 0  b -1');
    expect(fifth).toContain('b[  0.00]');
  });
});

describe('space: live training', () => {
  it('starts, keeps answering keys while it runs, and pauses on a second space', async () => {
    const s = open({ lesson: slowXor() });
    const started = await s.press(KEY.space);
    expect(started).toContain('rate 0.01  running');
    expect(started).toContain('Training live: space pauses');
    const early = shownEpoch(started);

    // j moves the selection while training goes on.
    const moved = await s.press('j');
    expect(moved).toContain('> h2:');
    expect(moved).toContain('running');
    await sleep(200);
    expect(shownEpoch(s.frame())).toBeGreaterThan(early);

    const paused = await s.press(KEY.space);
    expect(paused).not.toContain('running');
    const match = /Paused at epoch (\d+)\./.exec(paused);
    expect(match).not.toBeNull();
    const epoch = Number(match?.[1]);
    expect(shownEpoch(paused)).toBe(epoch);
    await sleep(300);
    expect(shownEpoch(s.frame())).toBe(epoch);
  });

  it('draws at least 20 frames a second while it runs', async () => {
    const s = open({ lesson: slowXor() });
    await s.press(KEY.space);
    const before = s.frames().length;
    await sleep(1000);
    const frames = s.frames().length - before;
    await s.press(KEY.space);

    expect(frames).toBeGreaterThanOrEqual(20);
  });

  it('u after a run goes back to before it, all at once', async () => {
    const s = open({ lesson: slowXor() });
    await s.press(KEY.space);
    await sleep(200);
    await s.press(KEY.space);
    const undone = await s.press('u');

    expect(undone).toContain(NOTES.slice(0, 30));
    expect(undone).toContain('> h1: x1[  0.80] x2  -0.60  b  -0.20');
  });
});

describe('r: reset, and u: undo', () => {
  it("r goes back to the preset's weights and the notes", async () => {
    const s = open({ lesson: 'xor-sigmoid' });
    await s.press('t');
    const trained = await s.press('t');
    expect(trained).not.toContain('> h1: x1[  0.80] x2  -0.60  b  -0.20');

    const reset = await s.press('r');
    expect(reset).toContain('> h1: x1[  0.80] x2  -0.60  b  -0.20');
    expect(reset).toContain(NOTES);
    expect(reset).toContain("Back to the preset's weights (u undoes it).");

    const undone = await s.press('u');
    expect(shownEpoch(undone)).toBe(2);
  });

  it('u undoes one training step at a time', async () => {
    const s = open({ lesson: 'xor-sigmoid' });
    await s.press('t');
    await s.press('t');
    expect(shownEpoch(await s.press('u'))).toBe(1);
    const first = await s.press('u');
    expect(first).toContain(NOTES);
    expect(first).toContain('> h1: x1[  0.80] x2  -0.60  b  -0.20');
  });
});

describe('the learning rate', () => {
  it('R selects it in brackets, + raises it, Esc goes back', async () => {
    const s = open({ lesson: 'xor-sigmoid' });
    const selected = await s.press('R');
    expect(selected).toContain('rate [0.5]');
    expect(selected).toContain('+/- rate');

    expect(await s.press('+')).toContain('rate [1]');
    const back = await s.press(KEY.escape);
    expect(back).toContain('Training  backprop  rate 1');
    expect(back).not.toContain('[1]');
  });
});

describe('a network that cannot be trained', () => {
  it('shows the reason in the status line, and no panel', async () => {
    const s = open({ lesson: 'xor' });
    const frame = await s.press('t');

    expect(frame).toContain('Backprop cannot train step neurons, and layer 1');
    expect(frame).not.toContain('Training  ');
  });

  it('says the reason in Japanese on the Japanese screen', async () => {
    const s = open({ lesson: 'xor', language: 'ja' });
    const frame = await s.press('t');

    expect(frame).toContain(
      '誤差逆伝播法ではステップニューロンを学習できません (第1層が step)',
    );
    expect(frame).not.toContain('Backprop');
  });

  it('asks for targets where there are none', async () => {
    const s = open({ lesson: 'blank' });
    expect(await s.press('t')).toContain(
      'This network has no targets to learn from: set them with m first.',
    );
  });
});

describe('every frame fits 80x24 while training', () => {
  const scripts = [
    { lesson: 'and', keys: ['0', 'l', '0', '.', '.', '.', '.', 't', 'R'] },
    { lesson: 'xor-sigmoid', keys: ['.', 't', 'R', '+', KEY.escape, '.'] },
    { lesson: 'majority', keys: ['t', '.', 't', 't', 't', 't', 'r'] },
    { lesson: 'xor-single', keys: ['t', '.', 'R', '-', KEY.escape, 'u'] },
    { lesson: 'half-adder', keys: ['t', '.', KEY.space] },
  ];
  for (const language of ['en', 'ja'] as const) {
    for (const script of scripts) {
      it(`${language}: ${script.lesson}`, async () => {
        const s = open({ lesson: script.lesson, language });
        for (const key of script.keys) await s.press(key);
        for (const frame of s.frames()) {
          expect(overflow(frame, 80, 23)).toEqual([]);
        }
      });
    }
  }

  it('ja: a live run on xor-single, with a key during it', async () => {
    const s = open({ lesson: 'xor-single', language: 'ja' });
    await s.press(KEY.space);
    await sleep(300);
    await s.press('j');
    for (const frame of s.frames()) {
      expect(overflow(frame, 80, 23)).toEqual([]);
    }
  });
});
