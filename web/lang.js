// The page's own words in a language other than English: loaded by web/page.js only when the page shows one, so
// the English first visit carries none of this. Given each language's catalogue (assets/lang/<code>.json) as it
// arrives, it shows the page in the language the app reports: <title>, the description, the canvas's name, the
// lines that carry their English in data-english (the loading line, the map credit, the messages), and the
// catalogue's "style" (how the language wraps: Korean breaks between words).
'use strict';
globalThis.journeysPageText = function journeysPageText() {
  const root = document.documentElement;
  const description = document.querySelector('meta[name="description"]');
  const english = { title: document.title, description: description ? description.content : '' };
  const wordsOf = {}, styleOf = {};
  let shown = 'en';
  const t = (text) => (wordsOf[shown] || {})[text] || text;
  const fill = (pattern, args) => pattern.replace(/\{(\d)\}/g, (m, n) => String(args[+n]));
  // A message of the app ("Could not load map: HTTP 404") in the language shown: its catalogue pattern
  // ("Could not load {0}: {1}") found and filled with the same parts; the message itself when none fits.
  function translate(text) {
    const words = wordsOf[shown];
    if (!words || words[text]) return t(text);
    // Patterns that open with words ("Could not load {0}: {1}", not "{0}, {1}"), the longest first.
    const patterns = Object.keys(words).filter((k) => /^[A-Za-z]/.test(k) && k.includes('{0}')).sort((a, b) => b.length - a.length);
    for (const key of patterns) {
      const order = [];
      const source = key.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\d)\}/g, (m, n) => { order.push(+n); return '([\\s\\S]*?)'; });
      const m = new RegExp('^' + source + '$').exec(text);
      if (m) { const args = []; order.forEach((n, i) => { args[n] = m[i + 1]; }); return fill(words[key], args); }
    }
    return text;
  }
  return {
    translate,
    addCatalogue(language, bytes) {
      try {
        const catalogue = JSON.parse(new TextDecoder().decode(bytes));
        wordsOf[language] = catalogue.ui || {};
        styleOf[language] = catalogue.style || {};
      } catch (e) { wordsOf[language] = {}; }
    },
    show(language) {
      for (const property of Object.keys(styleOf[shown] || {})) root.style.removeProperty(property);
      shown = language;
      for (const [property, value] of Object.entries(styleOf[language] || {})) root.style.setProperty(property, value);
      document.title = language === 'en' ? english.title : t("Kim Jong-un's journeys abroad");
      if (description) description.content = language === 'en' ? english.description : t(english.description);
      const canvas = document.getElementById('canvas');
      if (canvas) canvas.setAttribute('aria-label', t("Animated map of Kim Jong-un's journeys abroad"));
      for (const line of document.querySelectorAll('[data-english]')) line.textContent = translate(line.dataset.english);
    },
  };
};
