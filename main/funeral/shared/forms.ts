// Words the whole funeral module shares: plot types, burial forms and which forms are eco-burials
// (节地生态安葬). Plain data, importable by the renderer (contract-level), so the cemetery screens,
// the subsidy policies and the indicators all speak of the same forms.

/** 墓位类型: what a plot is built as. */
export const plotTypes = ['single', 'double', 'family', 'niche', 'tree', 'flowerBed', 'lawn', 'wall', 'tower'] as const;
export type PlotType = (typeof plotTypes)[number];
export const plotTypeLabels: Record<PlotType, string> = {
  single: '单穴',
  double: '双穴',
  family: '家族墓',
  niche: '格位',
  tree: '树葬',
  flowerBed: '花坛葬',
  lawn: '草坪葬',
  wall: '壁葬',
  tower: '塔葬',
};

/** 安葬方式: how the remains were laid to rest. Scattering and deep burial need no plot. */
export const burialForms = [
  'traditional', // 墓穴安葬（立碑）
  'tree',
  'flowerBed',
  'lawn',
  'wall',
  'tower',
  'niche', // 骨灰堂 / 格位存放
  'seaScattering',
  'riverScattering',
  'deepBurial', // 深埋不留坟头
] as const;
export type BurialForm = (typeof burialForms)[number];
export const burialFormLabels: Record<BurialForm, string> = {
  traditional: '墓穴安葬',
  tree: '树葬',
  flowerBed: '花坛葬',
  lawn: '草坪葬',
  wall: '壁葬',
  tower: '塔葬',
  niche: '骨灰堂格位存放',
  seaScattering: '海葬',
  riverScattering: '江葬',
  deepBurial: '深埋不留坟头',
};

/** Forms that need no plot: the subsidy application stands on its own (no burial record). */
export const formsWithoutPlot: ReadonlySet<BurialForm> = new Set(['seaScattering', 'riverScattering', 'deepBurial']);

/**
 * The usual reading of 节地生态安葬. Which forms an office counts for its eco-burial rate is a
 * setting with effective dates (reports); this is only the default offered.
 */
export const defaultEcoBurialForms: readonly BurialForm[] = [
  'tree',
  'flowerBed',
  'lawn',
  'wall',
  'tower',
  'niche',
  'seaScattering',
  'riverScattering',
  'deepBurial',
];
