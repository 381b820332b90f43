// A third language made of files only, for the tests that prove one needs nothing else (tests/third_language.mjs,
// tests/browser/language.test.mjs): "qaa" (ISO 639-2 keeps qaa–qtz for local use), every text of the Korean
// catalogue's keys given back as its English between 【 and 】, cut from the Japanese face, so a test can tell it
// from English and Korean at a glance and its font is a subset of its own.
export const CODE = 'qaa';
export const NAME = 'Marked English';

// `korean`: assets/lang/ko.json's text. `leaveOut`: trip-data texts (by their English) to give no translation.
export function markedCatalogue(korean, { leaveOut = [], named = true } = {}) {
  const ko = JSON.parse(korean);
  const mark = (english) => '【' + english.replace(/^\[[^\]]*\] /, '') + '】';
  const ui = Object.fromEntries(Object.keys(ko.ui).map((k) => [k, mark(k)]));
  const data = Object.fromEntries(Object.keys(ko.data).filter((k) => !leaveOut.includes(k)).map((k) => [k, mark(k)]));
  return JSON.stringify({ ...(named ? { language: { name: NAME, font: 'Noto Sans CJK JP' } } : {}), ui, data }, null, 1);
}
