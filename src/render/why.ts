import { formatNumber } from '../core/number.js';
import type { Network } from '../core/network.js';
import { binaryRows, type Targets } from '../core/truth-table.js';
import type { Messages } from '../i18n/messages.js';

/** The symbols of the weighted sum at one binary row: `w1 + w2 + b`. */
function symbolicSum(inputs: readonly number[]): string {
  const terms = inputs.flatMap((x, i) => (x === 1 ? [`w${i + 1}`] : []));
  return [...terms, 'b'].join(' + ');
}

/**
 * Why one step neuron with two inputs can or cannot meet its targets: the
 * inequality each row asks of w1, w2 and b, whether it holds with the
 * current numbers, and for XOR and XNOR the two sums that contradict each
 * other. Null when the network is not one such neuron or has no targets.
 */
export function whyLines(
  network: Network,
  targets: Targets | null,
  messages: Messages,
): string[] | null {
  const layer = network.layers[0];
  const neuron = layer?.neurons[0];
  const isSingle =
    network.layers.length === 1 &&
    layer?.activation === 'step' &&
    layer.neurons.length === 1 &&
    network.inputs.length === 2;
  if (!isSingle || !neuron || !targets) return null;

  const isInclusive = network.stepRule === '>=';
  const fires = isInclusive ? '>=' : '>';
  const rests = isInclusive ? '<' : '<=';
  const lines = [messages.whyIntro(fires)];
  const wanted = targets.map((row) => row[0] ?? 0);
  binaryRows(2).forEach((inputs, index) => {
    const target = wanted[index] ?? 0;
    const sum =
      neuron.bias +
      inputs.reduce((s, x, i) => s + x * (neuron.weights[i] ?? 0), 0);
    const relation = target === 1 ? fires : rests;
    const holds =
      target === 1
        ? isInclusive
          ? sum >= -1e-9
          : sum > 1e-9
        : isInclusive
          ? sum < -1e-9
          : sum <= 1e-9;
    lines.push(
      `  (${inputs.join(',')}) -> ${target}:  ${symbolicSum(inputs)} ${relation} 0` +
        `   ${messages.whyNow(formatNumber(sum), holds)}`,
    );
  });
  const pattern = wanted.join('');
  if (pattern === '0110' || pattern === '1001') {
    const [middle, ends] = pattern === '0110' ? [fires, rests] : [rests, fires];
    lines.push(messages.whyMiddle(`w1 + w2 + 2b ${middle} 0`));
    lines.push(messages.whyEnds(`w1 + w2 + 2b ${ends} 0`));
    lines.push(messages.whyImpossible);
  } else {
    lines.push(messages.whyPossible);
  }
  return lines;
}
