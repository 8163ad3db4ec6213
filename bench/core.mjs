// Core speed: epochs a second training XOR with backprop on a 2-2-1 and a
// 2-8-8-1 sigmoid network, nn-tui's core against brain.js 1.6.1 and
// synaptic 1.1.4, measured in the same run.
//
// The same work for each: the 4 rows of XOR in counting order, each run
// forward and backward once and followed by one update (online), learning
// rate 0.5, 2000 epochs, the same starting weights in all three. Only the
// call that trains is timed; building the networks is not. A run repeats
// the call (each time on a fresh network) for about 100 ms.
//
// What each does besides that work:
// - nn-tui (`train` from src/core/train.ts) runs the 4 rows forward once
//   more after each epoch to score it (the loss and accuracy it shows and
//   stops on). It scores the next epoch's first row last and that row's
//   update reuses its forward pass, so an epoch takes 7 forward passes to
//   brain.js's 4. It keeps an update only once every new weight and bias
//   is known to be finite (a run that would overflow stops with the last
//   finite network), keeps weights, outputs and deltas in Float64Arrays,
//   and copies the network in once and out once.
// - brain.js computes the error of each row from the output errors of the
//   same pass (its error check runs every epoch, at no extra pass), also
//   works out deltas for the input layer, which nothing uses, and always
//   adds momentum: it refuses a momentum of 0, so it gets the smallest
//   positive number, which makes the momentum term 0 or one denormal. It
//   keeps weights, outputs and deltas in Float32Arrays: each stored value
//   is rounded to single precision, where nn-tui keeps doubles. Its update
//   is the same as nn-tui's (squared error), so both end with the same
//   weights up to that rounding; the report prints how far apart.
// - synaptic compiles the network into one JavaScript function over a
//   Float64Array the first time it runs (done before timing here), keeps
//   the traces its gated and recurrent networks need, adds each row's
//   squared error, and takes target - output as the output's error without
//   the sigmoid's derivative (the cross-entropy gradient), so its weights
//   follow a different path; the work per row is the same.
//
// nn-tui's `train` stops early once every row is right and the loss is
// below 0.01. From the xor-sigmoid preset's weights it converges at epoch
// 635, so the 2-2-1 here starts from those weights times 0.2 (converges at
// epoch 3243) and the 2-8-8-1 from seeded weights in -0.5..0.5 (epoch
// 4548): both run all 2000 epochs, and the report says so.
//
// Run alone with `node bench/core.mjs`. BENCH_RUNS sets the runs (7).

import {
  RUNS,
  count,
  figure,
  goal,
  heading,
  importSources,
  isMain,
  machine,
  median,
  note,
  requireFromRoot,
} from './support.mjs';

const EPOCHS = 2000;
const RATE = 0.5;
const GOAL_RATIO = 2;

/** About how long each timed run takes, in ms, by repeating calls. */
const RUN_TIME = 100;

/** XOR's rows in counting order, and their targets. */
const ROWS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const TARGETS = [[0], [1], [1], [0]];

/** A small seeded random source (mulberry32), for starting weights. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sigmoid network in nn-tui's shape from layers of [weights, bias]. */
function network(layers) {
  return {
    inputs: ['x1', 'x2'],
    stepRule: '>',
    layers: layers.map((neurons) => ({
      activation: 'sigmoid',
      neurons: neurons.map(([weights, bias]) => ({ weights, bias })),
    })),
  };
}

/** The xor-sigmoid preset's starting weights, times 0.2. */
function twoTwoOne() {
  const scale = (values) => values.map((value) => value * 0.2);
  return network([
    [
      [scale([0.8, -0.6]), -0.2 * 0.2],
      [scale([-0.5, 0.9]), -0.3 * 0.2],
    ],
    [[scale([0.7, 0.6]), -0.1 * 0.2]],
  ]);
}

/** A 2-8-8-1 network with seeded weights in -0.5..0.5. */
function twoEightEightOne() {
  const random = seededRandom(1);
  const value = () => random() - 0.5;
  const sizes = [2, 8, 8, 1];
  const layers = sizes
    .slice(1)
    .map((size, index) =>
      Array.from({ length: size }, () => [
        Array.from({ length: sizes[index] }, value),
        value(),
      ]),
    );
  return network(layers);
}

/** The layer sizes of a network, inputs first. */
function sizesOf(net) {
  return [net.inputs.length, ...net.layers.map((l) => l.neurons.length)];
}

/** nn-tui: one `train` call. Resolves to { seconds, epochs, network }. */
function runNnTui(core, net) {
  const settings = {
    rule: 'backprop',
    learningRate: RATE,
    seed: 1,
    batch: 'online',
    loss: 'squared',
  };
  const start = performance.now();
  const state = core.train(net, TARGETS, settings, EPOCHS);
  const seconds = (performance.now() - start) / 1000;
  return { seconds, epochs: state.epoch, network: state.network };
}

/** nn-tui: `trainEpoch` called once an epoch, as a screen would. */
function runNnTuiByEpoch(core, net) {
  const settings = {
    rule: 'backprop',
    learningRate: RATE,
    seed: 1,
    batch: 'online',
    loss: 'squared',
  };
  let state = core.createTrainingState(net, TARGETS, settings);
  const start = performance.now();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    state = core.trainEpoch(state, settings, TARGETS);
  }
  const seconds = (performance.now() - start) / 1000;
  return { seconds, epochs: state.epoch, network: state.network };
}

/** brain.js: a NeuralNetwork with the same weights, one `train` call. */
function runBrain(brain, net) {
  const sizes = sizesOf(net);
  const model = new brain.NeuralNetwork({ hiddenLayers: sizes.slice(1, -1) });
  // Set the sizes and initialise by hand so that train() keeps the
  // weights given here instead of drawing random ones.
  model.sizes = sizes;
  model.initialize();
  net.layers.forEach((layer, index) => {
    layer.neurons.forEach((neuron, j) => {
      // Into brain.js's own Float32Arrays, which round each value.
      model.weights[index + 1][j].set(neuron.weights);
      model.biases[index + 1][j] = neuron.bias;
    });
  });
  const data = ROWS.map((input, row) => ({ input, output: TARGETS[row] }));
  const start = performance.now();
  const status = model.train(data, {
    iterations: EPOCHS,
    errorThresh: 1e-10,
    learningRate: RATE,
    momentum: Number.MIN_VALUE,
    log: false,
  });
  const seconds = (performance.now() - start) / 1000;
  const layers = net.layers.map((layer, index) =>
    layer.neurons.map((_, j) => ({
      weights: [...model.weights[index + 1][j]],
      bias: model.biases[index + 1][j],
    })),
  );
  return { seconds, epochs: status.iterations, layers };
}

/** synaptic: a Perceptron with the same weights, one Trainer.train call. */
function runSynaptic(synaptic, net) {
  const { Architect, Trainer } = synaptic;
  const model = new Architect.Perceptron(...sizesOf(net));
  const layers = [
    model.layers.input,
    ...model.layers.hidden,
    model.layers.output,
  ];
  net.layers.forEach((layer, index) => {
    const previous = layers[index].list;
    layer.neurons.forEach((neuron, j) => {
      const unit = layers[index + 1].list[j];
      unit.bias = neuron.bias;
      for (const connection of Object.values(unit.connections.inputs)) {
        connection.weight = neuron.weights[previous.indexOf(connection.from)];
      }
    });
  });
  // The first activation compiles the network; it changes no weight.
  model.activate(ROWS[0]);
  const set = ROWS.map((input, row) => ({ input, output: TARGETS[row] }));
  const trainer = new Trainer(model);
  const start = performance.now();
  const result = trainer.train(set, {
    rate: RATE,
    iterations: EPOCHS,
    error: 1e-10,
    shuffle: false,
    cost: Trainer.cost.MSE,
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, epochs: result.iterations };
}

/** The largest difference between two networks' weights and biases. */
function largestDifference(trained, layers) {
  let largest = 0;
  trained.layers.forEach((layer, index) => {
    layer.neurons.forEach((neuron, j) => {
      const other = layers[index][j];
      neuron.weights.forEach((weight, k) => {
        largest = Math.max(largest, Math.abs(weight - other.weights[k]));
      });
      largest = Math.max(largest, Math.abs(neuron.bias - other.bias));
    });
  });
  return largest;
}

/** Times one network on every library and prints its figures. */
function compare(name, makeNetwork, libraries) {
  const { core, brain, synaptic } = libraries;
  const runners = {
    'nn-tui train': () => runNnTui(core, makeNetwork()),
    'nn-tui trainEpoch loop': () => runNnTuiByEpoch(core, makeNetwork()),
    'brain.js 1.6.1': () => runBrain(brain, makeNetwork()),
    'synaptic 1.1.4': () => runSynaptic(synaptic, makeNetwork()),
  };
  const rates = Object.fromEntries(Object.keys(runners).map((k) => [k, []]));
  const short = new Set();
  const calls = {};
  // Warm up, and choose how many calls make a run of about RUN_TIME ms:
  // one call of 2000 epochs takes only a few ms, too short to time well on
  // a busy machine.
  for (const [label, run] of Object.entries(runners)) {
    let seconds = 0;
    for (let call = 0; call < 3; call++) seconds += run().seconds;
    calls[label] = Math.max(1, Math.ceil(RUN_TIME / 1000 / (seconds / 3)));
  }
  // The timed rounds, interleaved so that a noisy moment hurts every
  // library alike.
  for (let round = 0; round < RUNS; round++) {
    for (const [label, run] of Object.entries(runners)) {
      let seconds = 0;
      for (let call = 0; call < calls[label]; call++) {
        const result = run();
        if (result.epochs !== EPOCHS) {
          short.add(`${label} ran ${result.epochs}`);
        }
        seconds += result.seconds;
      }
      rates[label].push((calls[label] * EPOCHS) / seconds);
    }
  }

  console.log(`  ${name}`);
  const brainRate = median(rates['brain.js 1.6.1']);
  for (const [label, values] of Object.entries(rates)) {
    const rate = median(values);
    figure(
      `  ${label}`,
      `${count(rate).padStart(9)} epochs/s`,
      `${(rate / brainRate).toFixed(2)} x brain.js`,
    );
  }
  const ratio = median(rates['nn-tui train']) / brainRate;
  goal(`nn-tui train >= ${GOAL_RATIO} x brain.js`, ratio >= GOAL_RATIO);
  if (short.size > 0) {
    note(`not every run did ${EPOCHS} epochs: ${[...short].join(', ')}`);
  } else {
    note(`every run did all ${EPOCHS} epochs`);
  }
  const ours = runNnTui(core, makeNetwork());
  const theirs = runBrain(brain, makeNetwork());
  note(
    `largest weight difference nn-tui - brain.js after ${EPOCHS} epochs: ` +
      largestDifference(ours.network, theirs.layers).toExponential(1),
  );
}

/** Runs the core benchmark and prints its report. */
export async function main() {
  heading('core training speed');
  console.log(
    `  ${await machine()}; XOR, online, rate ${RATE}, ${EPOCHS} epochs; ` +
      `median of ${RUNS} runs`,
  );
  const { modules, cleanUp } = await importSources({
    train: 'src/core/train.ts',
  });
  try {
    const libraries = {
      core: modules.train,
      brain: requireFromRoot('brain.js'),
      synaptic: requireFromRoot('synaptic'),
    };
    compare('2-2-1 sigmoid', twoTwoOne, libraries);
    compare('2-8-8-1 sigmoid', twoEightEightOne, libraries);
  } finally {
    await cleanUp();
  }
}

if (isMain(import.meta.url)) await main();
