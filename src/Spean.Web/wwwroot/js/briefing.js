// The briefing's Print button: shown only where script runs, since without it the browser's own print command does the same.
for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
}
