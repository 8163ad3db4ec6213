import { significant } from '../core/number.js';
import type { TrainingOutcome, TrainingRefusal } from '../core/train.js';
import type { en, TrainedSettings } from './en.js';

/** What a step of training came to, as the status line says it. */
function trainingOutcome(outcome: TrainingOutcome): string {
  switch (outcome.kind) {
    case 'overflowed':
      return (
        `エポック ${outcome.epoch} で学習を止めました。次の更新で重みかバイアスが` +
        `数として扱えないほど大きくなるためです (学習率 ${outcome.learningRate})。` +
        `ネットワークは重みがすべて有限だった最後のものです。r で戻して、` +
        `小さい学習率を試してください。`
      );
    case 'converged-clean':
      return (
        `収束しました: エポック ${outcome.epoch} で誤りなし ` +
        `(更新 ${outcome.updates} 回)。`
      );
    case 'converged':
      return (
        `エポック ${outcome.epoch} で収束しました: すべての行が正解で、` +
        `損失は ${outcome.lossThreshold} 未満です。`
      );
    case 'not-converged':
      return (
        `${outcome.epochs} エポックで収束していません: ${outcome.rows} 行中 ` +
        `${outcome.rowsRight} 行が正解、損失は ${significant(outcome.loss)} ` +
        `です。もっと学習するか、学習率を変えてください。`
      );
    case 'not-separable': {
      const cut = outcome.isPlane ? '平面' : '直線';
      const which = outcome.output === null ? '' : `出力 ${outcome.output} の`;
      return (
        `${outcome.epochs} エポックで誤りのないエポックはありません: ` +
        `${which}1 と 0 を分ける${cut}はありません (線形分離不可能)。` +
        `ステップニューロン 1 層ではすべての行を正解にできません。` +
        `XOR のレッスンのように隠れ層を足すか、シグモイドと誤差逆伝播法を使ってください。`
      );
    }
    case 'separable-not-yet':
      if (outcome.isRightNow) {
        return (
          `${outcome.epochs} エポックではまだ誤りのないエポックがありませんが、` +
          `今はすべての行が正解です。エポック ${outcome.epochs} では誤りがあり、` +
          `次のエポックでは誤りは出ません。あと 1 エポック学習してください。`
        );
      }
      return (
        `${outcome.epochs} エポックではまだ誤りのないエポックがありません。` +
        `正解は線形分離可能なので、パーセプトロンの学習則はいずれ到達します。` +
        `もっと学習してください。`
      );
    case 'no-clean-epoch':
      return (
        `${outcome.epochs} エポックで誤りのないエポックはありません。` +
        `もっと学習してください。`
      );
  }
}

/** Why a network cannot be trained as asked, and what to do instead. */
function trainingRefused(refusal: TrainingRefusal): string {
  switch (refusal.kind) {
    case 'backprop-step': {
      const why =
        'ステップ関数は 0 以外で平らで、微分が勾配を与えないためです。';
      return refusal.layer === null
        ? `誤差逆伝播法ではステップニューロンを学習できません。${why}` +
            `この 1 層のステップニューロンにはパーセプトロンの学習則を使うか、` +
            `活性化を sigmoid に変えてください。`
        : `誤差逆伝播法ではステップニューロンを学習できません ` +
            `(第${refusal.layer}層が step)。${why}` +
            `step の層をすべて sigmoid、tanh、relu か linear に変えてください。`;
    }
    case 'perceptron-layers':
      return (
        `パーセプトロンの学習則が学習できるのはステップニューロン 1 層だけですが、` +
        `このネットワークは ${refusal.layers} 層で、隠れニューロンには正解がありません。` +
        `step の層をなくして、誤差逆伝播法で学習してください。`
      );
    case 'perceptron-activation':
      return (
        `パーセプトロンの学習則が学習できるのはステップニューロンだけですが、` +
        `この層は ${refusal.activation} です。誤差逆伝播法で学習するか、` +
        `活性化を step に変えてください。`
      );
    case 'perceptron-target':
      return (
        `パーセプトロンの学習則には 0 か 1 の正解が必要ですが、` +
        `${refusal.row} 行目は ${refusal.value} です。`
      );
    case 'loss-output':
      return (
        `交差エントロピー損失には出力が 0 から 1 の間に収まる sigmoid の出力層が` +
        `必要ですが、出力層は ${refusal.activation} です。二乗誤差を使うか、` +
        `出力層を sigmoid に変えてください。`
      );
  }
}

/** 日本語の表示文字列。キーは en.ts と同じ。 */
export const ja: typeof en = {
  trainingOutcome,
  trainingRefused,
  trainedWith: (settings: TrainedSettings) =>
    `学習の設定: ${settings.rule === 'perceptron' ? 'パーセプトロンの学習則' : '誤差逆伝播法'}、` +
    `学習率 ${settings.learningRate}、シード ${settings.seed}、init ${settings.init}、` +
    `${settings.lossFunction === 'squared' ? '二乗誤差' : '交差エントロピー'}、` +
    `${settings.batch === 'full' ? 'フルバッチ' : 'オンライン'}` +
    `${settings.shuffle ? '、行をシャッフル' : ''}:`,
  trainedTo: (epochs: number, loss: string, percentRight: number) =>
    `${epochs} エポック、損失 ${loss}、${percentRight}% の行が正解。`,
  inputLayer: (n: number, activation: string, sums: string, outputs: string) =>
    `第${n}層 (${activation}): 和 ${sums}、出力 ${outputs}`,
  inputOutputs: (outputs: string) => `出力: ${outputs}`,
  target: '正解',
  ok: 'ok',
  wrong: 'X',
  sumOf: (name: string) => `和 ${name}`,
  onBoundary: (rule: string) =>
    `境界上: 重み付き和が 0。ステップ関数はここで ${rule === '>=' ? 1 : 0} ` +
    `(z ${rule} 0 のとき発火)`,
  sumIsZero: '和が 0',
  gridLegendStep: '# 1   . 0',
  gridLegendSmooth: (ramp: string, low: string, high: string) =>
    `${ramp} ${low} から ${high}`,
  gridLegendPoints: '0/1 正しい  X 誤り',
  gridLegendPlain: '0/1 真理値表の点での出力',
  gridNotFinite: '? 数値でない',
  gridOf: (neuron: string, held: string) =>
    `決定領域: ${neuron}${held ? ` (${held})` : ''}`,
  heldAt: (names: string) => `${names} は 0 に固定`,
  boundaryLine: (equation: string) => `境界線: ${equation}`,
  boundaryNone: (x: string, y: string) =>
    `直線なし: 和の中の ${x} と ${y} の重みが 0 なので、和はどこでも同じ`,
  boundaryNoneShort: (x: string, y: string) =>
    `直線なし: ${x} と ${y} の重みが 0`,
  boundaryNotStraight: (layer: number, activation: string) =>
    `境界線: 一般には 1 本の直線ではない (第${layer}層が ${activation})`,
  boundaryNotStraightShort: '境界線: 一般には 1 本の直線ではない',
  boundaryPoint: (equation: string) => `境界: ${equation}`,
  boundaryPointNone: (x: string) =>
    `境界なし: 和の中の ${x} の重みが 0 なので、和はどこでも同じ`,
  boundaryPointNoneShort: (x: string) => `境界なし: ${x} の重みが 0`,
  boundaryNotPoint: (layer: number, activation: string) =>
    `境界: 一般には 1 点ではない (第${layer}層が ${activation})`,
  boundaryNotPointShort: '境界: 一般には 1 点ではない',
  gridLegendLine: (mark: string) => `${mark} 境界線`,
  whyIntro: (fires: string) =>
    `各行が w1, w2, b に求める条件 (和 ${fires} 0 のとき発火):`,
  whyNow: (sum: string, holds: boolean) =>
    `いま ${sum}: ${holds ? '成立' : '不成立'}`,
  whyMiddle: (sum: string) => `真ん中の 2 行を足すと: ${sum}。`,
  whyEnds: (sum: string) => `最初と最後の行を足すと: ${sum}。`,
  whyImpossible:
    '両方が同時に成り立つことはないので、どんな重みとバイアスでも無理です。1 本の直線ではこの点を分けられません。2 層ならできます (xor のレッスン)。',
  whyPossible: 'これらは同時に成り立ちます: 1 と 0 を分ける直線があります。',
  whyNotApplicable:
    '「なぜ」は 2 入力・1 ニューロンのステップ関数で正解があるとき (xor-single など) に使えます。',
  layer: (n: number, activation: string) => `第${n}層 (${activation})`,
  bias: 'b',
  biasLong: 'バイアス',
  network: 'ネットワーク',
  truthTable: '真理値表',
  rowsRight: (right: number, total: number) => `${right}/${total} 正解`,
  // 画面上の学習: パネル、メッセージ、キー。
  trainingTitle: '学習',
  trainingRule: (rule: 'perceptron' | 'backprop') =>
    rule === 'perceptron' ? 'パーセプトロンの学習則' : '誤差逆伝播法',
  trainingRate: '学習率',
  trainingRunning: '実行中',
  trainingProgress: (epoch: number, loss: string, rows: string) =>
    `エポック ${epoch}  損失 ${loss}  ${rows}`,
  trainingLoss: '損失',
  trainingRow: (
    inputs: string,
    outputs: string,
    targets: string,
    errors: string,
  ) => `行 (${inputs}): 出力 ${outputs}、正解 ${targets}、誤差 ${errors}`,
  trainingBatch: (count: number, errors: string) =>
    `全 ${count} 行をまとめて: 誤差 ${errors}`,
  trainingChange: (neuron: string, changes: string) =>
    `${neuron} の変化: ${changes}`,
  trainingNoChange: '変化なし: 出力が正しかったため',
  trainingEditedSince: (epoch: number, isNewProblem: boolean) =>
    isNewProblem
      ? `エポック ${epoch} のあとに変更されました。次の t・.・スペースでエポック 0 からやり直します。`
      : `エポック ${epoch} のあとに編集されました。次の t・.・スペースで今のネットワークを学習します。`,
  trainingNoTargets:
    'このネットワークには学習する正解がありません。先に m で正解を設定してください。',
  trainingStarted:
    '学習を実行中です。スペースで一時停止、u でこの実行全体を取り消せます。',
  trainingStartZero:
    '開始時の重み: すべて 0 (init zero)。t で学習、u で元に戻します。',
  trainingStartRandom: (seed: number) =>
    `開始時の重み: ランダム (init random、シード ${seed})。t で学習、u で元に戻します。`,
  trainingPaused: (epoch: number) => `エポック ${epoch} で一時停止しました。`,
  trainingAlreadyConverged: (epoch: number) =>
    `エポック ${epoch} で収束済みです。t でもう 1 エポック学習、r で最初からやり直します。`,
  trainingReset: 'プリセットの重みに戻しました (u で取り消せます)。',
  trainingAlreadyReset: '重みはすでにプリセットのままです。',
  rateSelected: (rate: string) =>
    `学習率 ${rate}: + と - で変えられます。Esc で戻ります。`,
  rateNow: (rate: string) => `学習率を ${rate} にしました。`,
  rateLimit: (rate: string) =>
    `学習率は 0.001 から 100 までです。いまは ${rate} です。`,
  helpRateTitle: '学習率 (R)',
  keyTrain: '学習: 1 エポック、1 行だけ更新、自動学習の開始/停止、リセット',
  keyRate: '学習率を選ぶ (そのあと + / - で変える)',
  keyRateChange: '上げる / 下げる: 0.001 0.002 0.005 0.01 … 100',
  keyRateDone: '重みの編集に戻る',
  hintTrain: '学習',
  hintRate: '学習率',
  // 対話画面。
  headerLesson: (index: number, count: number) => `レッスン ${index}/${count}`,
  headerFile: (name: string) => `ファイル ${name}`,
  headerRule: (rule: string) => `z ${rule} 0 で発火`,
  headerStep: (size: string) => `刻み ${size}`,
  windowTooSmall: (columns: number, rows: number, now: string) =>
    `ウィンドウを ${columns}x${rows} 以上に広げてください (現在 ${now})。`,
  moreRows: (count: number) => `... ほか ${count} 行`,
  rowsAround: (above: number, below: number) =>
    `... 上に ${above} 行、下に ${below} 行`,
  notesNeedRows: (rows: number) =>
    `このレッスンには解説があります: 高さ ${rows} 行以上のウィンドウで表示されます。`,
  moreAbove: (count: number) => `... 上に ${count} 行`,
  moreBelow: (count: number) => `... 下に ${count} 行`,
  gridFor: (neuron: string) => `領域: ${neuron}`,
  editTargetsTitle: '正解を編集中',
  editValueOf: (value: string, neuron: string) => `${neuron} の ${value}:`,
  weightFrom: (input: string) => `${input} の重み`,
  biasName: 'バイアス',
  fieldHint: 'Enter で決定、Esc で取り消し',
  savePrompt: '保存先:',
  saveHint: 'Enter で保存、Esc で取り消し',
  helpTitle: 'キー操作',
  helpTargetsTitle: '正解の編集 (m)',
  helpListTitle: 'プリセット一覧 (o)',
  helpMore: '上下でスクロール、ほかのキーで閉じる',
  presetListTitle: 'プリセット (レッスン順)',
  internalError: (message: string) =>
    `nn-tui は内部エラーで停止しました: ${message}`,
  internalErrorHint:
    '端末の状態は元に戻しました。ここに至った操作を添えて報告してください。',
  targetsDropped:
    '真理値表の行か出力の数が変わったため正解を外しました。m で新しく設定できます (u で元に戻せます)。',
  numberUseDot: (text: string) =>
    `'${text}': 小数点にはドット (.) を使ってください`,
  numberTooLarge: (text: string) => `'${text}' は大きすぎます`,
  numberNotANumber: (text: string) => `'${text}' は数値ではありません`,
  numberEmpty: '数値を入力してください',
  stepSizeNow: (size: string) => `値を ${size} ずつ変えます。`,
  activationNow: (layer: number, activation: string) =>
    `第${layer}層の活性化関数を ${activation} にしました。`,
  layerAdded: (layer: number) =>
    `第${layer}層を追加しました。編集するまでは入力をそのまま通します (linear、重み 1)。`,
  layerDeleted: (layer: number, inputs: string) =>
    `第${layer}層を削除しました。次の層は ${inputs} を読みます。重みは位置ごとに` +
    'そのまま、足りない分は 0 です。',
  outputLayerDeleted: (layer: number) =>
    `第${layer}層を削除しました。その前の層が出力層になりました。`,
  inputAdded: (name: string) =>
    `入力 ${name} を追加しました。第1層の各ニューロンでの重みは 0 です。`,
  inputRemoved: (name: string) =>
    `入力 ${name} をその重みとともに削除しました (I は最後の入力を削除します)。`,
  neuronLimit: (count: number) =>
    `1つの層に置けるニューロンは ${count} 個までです。この層はいっぱいです。`,
  layerLimit: (count: number) => `層は ${count} 層までです。`,
  inputLimit: (count: number) => `入力は ${count} 個までです。`,
  lastNeuron:
    '層には少なくとも1つのニューロンが必要です。層ごと消すには X を使ってください。',
  lastLayer:
    'ネットワークには少なくとも1つの層が必要なので、最後の層は消せません。',
  lastInput:
    'ネットワークには少なくとも1つの入力が必要なので、最後の入力は消せません。',
  axesNeedThree:
    '領域図にはすべての入力が出ています。x と y で軸を選べるのは入力が3つ以上のときです。',
  nothingToUndo: '元に戻す操作はありません。',
  nothingToRedo: 'やり直す操作はありません。',
  undone: (left: number) => `元に戻しました (あと ${left} 回戻せます)。`,
  redone: (left: number) => `やり直しました (あと ${left} 回やり直せます)。`,
  typePath: 'ファイル名を入力してください',
  confirmQuit: (names: readonly string[]) =>
    `${names.join('、')} に未保存の変更があります。q か y で保存せずに終了、` +
    'ほかのキーで戻ります。',
  confirmOverwrite: (path: string) =>
    `${path} はすでにあります。y で上書き、ほかのキーでそのまま残します。`,
  notOverwritten:
    'ファイルはそのままです。別の名前を入力するか Esc を押してください。',
  savedTo: (path: string) => `${path} に保存しました`,
  keyNameUpDown: '上/下',
  keyNameLeftRight: '左/右',
  keyNameArrows: '矢印',
  keyNameAnyKey: 'ほかのキー',
  keyNameSpace: 'スペース',
  keySelectNeuron: 'ニューロンを選ぶ (全層を上から順に)',
  keySelectValue: '重みかバイアスを選ぶ',
  keyNudge: '選んだ値を刻み幅だけ上げる / 下げる',
  keyStepSize: '刻み幅 0.01、0.1、1',
  keyTypeValue: '値を直接入力する',
  keyZero: '選んだ値を 0 にする',
  keyPreset: '次 / 前のプリセット',
  keyPresetList: 'プリセットの一覧',
  keyActivation: 'この層の活性化関数を切り替える',
  keyNeuron: 'この層にニューロンを追加 / 削除',
  keyLayer: 'この層の後に層を追加 / この層を削除',
  keyInput: '入力を追加 / 削除',
  keyGrid: '領域図: 各出力、次に各隠れニューロン',
  keyAxes: '領域図の軸 (入力が3つ以上のとき)',
  keyTargets: '正解を編集する',
  keyUndo: '元に戻す / やり直す',
  keySave: 'ファイルに保存',
  keyHelp: 'このヘルプ',
  keyQuit: '終了 (未保存なら確認)',
  keyTargetRow: '行を選ぶ',
  keyTargetOutput: '出力を選ぶ',
  keyTargetSet: '正解を 0 か 1 にする、または反転',
  keyTargetsDone: '重みの編集に戻る',
  keyListMove: 'プリセットを選ぶ',
  keyListPick: '開く',
  keyListClose: '一覧を閉じる',
  keyHelpScroll: 'スクロール',
  keyHelpClose: 'ヘルプを閉じる',
  keyFieldCommit: '入力した値にする',
  keySaveCommit: '保存する',
  keyFieldCancel: '取り消す',
  keyOverwrite: 'ファイルを上書きする',
  keyKeep: 'ファイルを残す',
  keyStay: '続ける',
  hintSelect: '選択',
  hintNudge: '増減',
  hintTypeValue: '入力',
  hintPreset: 'プリセット',
  hintActivation: '活性化',
  hintNeuron: 'ニューロン',
  hintLayer: '層',
  hintInput: '入力',
  hintGrid: '領域図',
  hintTargets: '正解',
  hintUndo: '戻す',
  hintSave: '保存',
  hintHelp: 'ヘルプ',
  hintQuit: '終了',
  hintTargetRow: '行',
  hintTargetSet: '正解を設定',
  hintBack: '戻る',
  hintListMove: '選ぶ',
  hintListPick: '開く',
  hintClose: '閉じる',
  hintScroll: 'スクロール',
  hintFieldCommit: '決定',
  hintSaveCommit: '保存',
  hintFieldCancel: '取り消し',
  hintOverwrite: '上書き',
  hintKeep: '残す',
  hintStay: '続ける',
  // 授業向け: 説明、画面上の式、隠れニューロンの図、言語、書き出し。
  gridLegendLineOf: (mark: string, neuron: string) =>
    `${mark} ${neuron} の境界線`,
  hiddenGridsMore: (count: number) => `ほか${count}個`,
  notesMore: (from: number, to: number, total: number, hasMore: boolean) =>
    hasMore
      ? `-- PgDn: 続き (${total} 行中 ${from}-${to} 行) --`
      : `-- PgUp: 戻る (${total} 行中 ${from}-${to} 行) --`,
  stepRuleNow: (rule: string) =>
    `ステップ関数は和 ${rule} 0 で発火するようになりました (S で戻せます)。`,
  languageNow: '日本語で表示します。J で英語に切り替わります。',
  whyTitle: 'なぜ: 正解が 1 つのステップニューロンに求める条件',
  lockedStructure:
    'ロック中 (--locked): ネットワークの形は変えられません。重みとバイアスだけ変えられます。',
  exportedTo: (path: string) => `${path} に NumPy のプログラムを書き出しました`,
  exportKept: 'ファイルはそのままです。何も書き出していません。',
  keyStepRule: 'ステップ関数の発火条件: 和 > 0 か >= 0',
  keyWhy: 'なぜ: 真理値表の裏にある不等式 (1 ニューロン)',
  keyLanguage: '英語 / 日本語',
  keyReveal: '--hide で隠したパネルを表示',
  whyTableHidden:
    '真理値表は隠されています (--hide)。w は各行を明かすので、先に v で表示してください。',
  panelsRevealed: 'すべてのパネルを表示しました。',
  nothingHidden:
    '隠れているパネルはありません (v は --hide で隠したパネルを表示します)。',
  keyExport: 'ネットワークを NumPy のコードに書き出す (NAME.py)',
  keyNotes: 'レッスンの説明をスクロール',
  hintStepRule: '発火条件',
  hintWhy: 'なぜ',
  hintLanguage: 'English',
  hintExport: '書き出し',
};
