/** Debian's Chromium as root on a closed network: these flags keep it from phoning home and from needing a sandbox. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
