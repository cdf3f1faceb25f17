// The SMART check beside a draft recommendation. The server renders the verdicts for the text the page was served
// with; as the person types, this posts the text (400 ms after the last key) to the check API and redraws the panel
// from its answer, which is already in the page's language. Plain module, no dependencies; without it the form's
// Check button does the same on the server.
const DEBOUNCE_MS = 400;

for (const panel of document.querySelectorAll('[data-smart-check]')) start(panel);

function start(panel) {
  if (panel.dataset.started) return;
  panel.dataset.started = 'true';
  const textarea = document.getElementById(panel.dataset.for);
  if (!textarea) return;
  const results = panel.querySelector('[data-results]');
  const stateInput = panel.dataset.stateInput ? document.getElementById(panel.dataset.stateInput) : null;
  const languageInput = panel.dataset.languageInput ? document.getElementById(panel.dataset.languageInput) : null;
  panel.querySelector('[data-live]').hidden = false;
  let timer = null;
  let controller = null;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  };
  textarea.addEventListener('input', schedule);
  stateInput?.addEventListener('change', schedule);
  languageInput?.addEventListener('change', schedule);

  async function check() {
    const text = textarea.value.trim();
    if (!text) return;
    controller?.abort();
    controller = new AbortController();
    const body = {
      text,
      state: stateInput?.value || panel.dataset.state,
      language: languageInput?.value || panel.dataset.language || null,
    };
    try {
      const response = await fetch('/api/v1/submissions/smart-check', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': document.documentElement.lang || 'en' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(String(response.status));
      draw(await response.json());
    } catch (error) {
      if (error.name === 'AbortError') return;
      results.querySelector('[data-problem]')?.remove();
      const problem = element('p', 'alert', panel.dataset.failed);
      problem.dataset.problem = '';
      results.prepend(problem);
    }
  }

  function draw(result) {
    const parts = [];
    if (result.categoryText) parts.push(element('p', 'smart-category', result.categoryText));
    const list = element('ul', 'smart-checks');
    for (const check of result.checks) {
      const item = element('li', `smart-${check.verdict.toLowerCase()}`);
      item.dataset.check = check.name;
      item.append(element('strong', null, check.label), ' ', element('span', 'smart-verdict', check.verdictLabel), element('p', null, check.adviceText));
      if (check.evidence.length > 0) {
        const evidence = element('p', 'smart-evidence', panel.dataset.evidence + ' ');
        for (const words of check.evidence) evidence.append(element('q', null, words), ' ');
        item.append(evidence);
      }
      list.append(item);
    }
    parts.push(list);
    if (result.recommendedBefore.length > 0) {
      parts.push(element('h3', null, panel.dataset.earlier));
      const earlier = element('ul', 'smart-earlier');
      for (const e of result.recommendedBefore) {
        const link = element('a', null, e.text);
        link.href = `/recommendations/${e.id}`;
        link.lang = 'en';
        const li = element('li');
        li.append(link, ' ', element('span', 'muted', e.description));
        earlier.append(li);
      }
      parts.push(earlier);
    }
    results.replaceChildren(...parts);
  }
}

function element(name, className, text) {
  const e = document.createElement(name);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}
