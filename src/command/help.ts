import type { Language } from '../i18n/messages.js';

const EN = `nn-tui: a terminal playground for perceptrons and small neural networks

Usage:
  nn-tui [PRESET|FILE]          open the playground (default: the first lesson)
  nn-tui --list                 the presets in lesson order
  nn-tui --print [PRESET|FILE]  the network, truth table and grid, printed once

Options:
  --lesson K             open lesson K (see --list)
  --locked               a teacher's mode: values only, no structure editing
  --hide grid,table,...  hide panels (network, formula, table, grid, notes)
  --json                 print the lesson (or --input) as JSON
  --input 1,0.5          evaluate one input vector
  --grid 33x17           grid columns x rows (default 33x17)
  --range -0.5:1.5       the grid's range on both axes
  --axes x1,x2           the inputs across and upward
  --neuron LAYER:INDEX   the neuron the grid shows, counted from 1
  --train N              train up to N epochs first (prints, as --print does)
  --rate R               learning rate (default: the lesson's, else 1 or 0.5)
  --seed S               seed (0-65535) for random starting weights, shuffling
  --init preset|zero|random   starting weights
  --rule perceptron|backprop  the learning rule
  --export numpy         the network as a NumPy program in the book's style
  --lang en|ja           interface language (default: from LC_ALL or LANG)
  --no-color             no colour (NO_COLOR is honoured too)
  -h, --help             this help
  -v, --version          the version

Training options work in the playground, elsewhere with --train only.
An option that would do nothing is refused (see the README).
Exit codes: 0 done, 2 usage error or bad preset, 1 internal fault.
When stdin or stdout is not a terminal, nn-tui prints as --print does.
nn-tui keeps a start-up cache in your cache folder ($XDG_CACHE_HOME/nn-tui,
~/.cache/nn-tui or the like); NN_TUI_CODE_CACHE=off turns it off.
`;

const JA = `nn-tui: パーセプトロンと小さなニューラルネットワークのための端末の遊び場

使い方:
  nn-tui [プリセット|ファイル]          プレイグラウンドを開く (既定: 最初のレッスン)
  nn-tui --list                         レッスン順のプリセット一覧
  nn-tui --print [プリセット|ファイル]  ネットワーク・真理値表・グリッドを一度だけ表示

オプション:
  --lesson K             K 番目のレッスンを開く (--list を参照)
  --locked               授業用: 値だけ変更でき、構造は編集できない
  --hide grid,table,...  パネルを隠す (network, formula, table, grid, notes)
  --json                 レッスン (または --input) を JSON で表示
  --input 1,0.5          1 つの入力ベクトルを評価
  --grid 33x17           グリッドの列 x 行 (既定 33x17)
  --range -0.5:1.5       両軸の範囲
  --axes x1,x2           横軸と縦軸の入力
  --neuron 層:番号       グリッドに表示するニューロン (1 から数える)
  --train N              表示の前に最大 N エポック学習 (--print と同じく表示)
  --rate R               学習率 (既定: レッスンの値、なければ 1 か 0.5)
  --seed S               ランダムな初期値とシャッフルのシード (0-65535)
  --init preset|zero|random   重みの初期値
  --rule perceptron|backprop  学習規則
  --export numpy         ネットワークを本と同じ書き方の NumPy プログラムで出力
  --lang en|ja           表示言語 (既定: LC_ALL か LANG から)
  --no-color             色なし (NO_COLOR にも従う)
  -h, --help             このヘルプ
  -v, --version          バージョン

学習のオプションはプレイグラウンドで、それ以外では --train と共に使います。
何もしないオプションは受け付けません (README を参照)。
終了コード: 0 正常、2 使い方の誤りまたは不正なプリセット、1 内部エラー。
標準入力か標準出力が端末でないときは --print と同じように表示します。
起動を速くするキャッシュをキャッシュ用フォルダ ($XDG_CACHE_HOME/nn-tui、
~/.cache/nn-tui など) に保存します。NN_TUI_CODE_CACHE=off で無効になります。
`;

/** The text of `nn-tui --help`. */
export function helpText(language: Language): string {
  return language === 'ja' ? JA : EN;
}
