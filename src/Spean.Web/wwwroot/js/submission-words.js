// Counts English words as the person types, by the server's rule (what stands between spaces, if it holds a letter or
// digit); the server's count after saving is the truth, and Khmer is counted there by the segmenter.
const count = text => text.split(/\s+/).filter(token => /[\p{L}\p{N}]/u.test(token)).length;

for (const area of document.querySelectorAll('textarea[data-word-count]')) {
  const output = document.getElementById(area.dataset.wordCount);
  const others = Number(area.dataset.others || 0);
  const limit = Number(area.dataset.limit || 0);
  const show = () => {
    const words = count(area.value);
    const total = others + words;
    output.textContent = output.dataset.template.replace('{0}', words).replace('{1}', total).replace('{2}', limit);
    output.classList.toggle('error', limit > 0 && total > limit);
  };
  area.addEventListener('input', show);
  show();
}
