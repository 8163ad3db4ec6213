import type { Lesson } from '../core/lesson.js';
import { lessonFromData } from './parse.js';
import and from '../../presets/and.json' with { type: 'json' };
import nand from '../../presets/nand.json' with { type: 'json' };
import or from '../../presets/or.json' with { type: 'json' };
import nor from '../../presets/nor.json' with { type: 'json' };
import not from '../../presets/not.json' with { type: 'json' };
import xorSingle from '../../presets/xor-single.json' with { type: 'json' };
import xor from '../../presets/xor.json' with { type: 'json' };
import xnor from '../../presets/xnor.json' with { type: 'json' };
import halfAdder from '../../presets/half-adder.json' with { type: 'json' };
import majority from '../../presets/majority.json' with { type: 'json' };
import linearCollapse from '../../presets/linear-collapse.json' with { type: 'json' };
import sigmoidGates from '../../presets/sigmoid-gates.json' with { type: 'json' };
import threeLayer from '../../presets/three-layer.json' with { type: 'json' };
import xorSigmoid from '../../presets/xor-sigmoid.json' with { type: 'json' };
import blank from '../../presets/blank.json' with { type: 'json' };

// The presets are bundled into the program, so that start-up reads no
// files; the same JSON files ship in presets/ for people to copy.
const FILES: Record<string, unknown> = {
  and,
  nand,
  or,
  nor,
  not,
  'xor-single': xorSingle,
  xor,
  xnor,
  'half-adder': halfAdder,
  majority,
  'linear-collapse': linearCollapse,
  'sigmoid-gates': sigmoidGates,
  'three-layer': threeLayer,
  'xor-sigmoid': xorSigmoid,
  blank,
};

let lessons: Lesson[] | undefined;

/** The built-in lessons, in lesson order. */
export function builtInLessons(): Lesson[] {
  lessons ??= Object.entries(FILES)
    .map(([name, data]) => lessonFromData(`presets/${name}.json`, data, name))
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
  return lessons;
}

/** The built-in lesson with this name, if there is one. */
export function findLesson(name: string): Lesson | undefined {
  return builtInLessons().find((lesson) => lesson.name === name);
}
