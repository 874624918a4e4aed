/** ⌘ on Apple keyboards, Ctrl elsewhere: shortcut hints show the key the person will actually press. */
export const isApple = typeof navigator !== "undefined" && /Mac|iPhone|iPad/i.test(navigator.userAgent);
export const modKey = isApple ? "⌘" : "Ctrl";
