// Runs before the first paint (an external file, so the CSP needs no 'unsafe-inline'): no light flash in dark mode.
(function () {
  try {
    var stored = localStorage.getItem("claimdesk-theme");
    var dark = stored === "dark" || ((!stored || stored === "system") && matchMedia("(prefers-color-scheme: dark)").matches);
    if (dark) document.documentElement.classList.add("dark");
  } catch (e) {}
})();
