// The activity details panel's only script (loaded with the page's nonce): buttons post
// their action to the extension, which does the work (clipboard, reveal) with its own APIs.
(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    const button = target.closest('button[data-action]');
    if (button) vscode.postMessage({ action: button.getAttribute('data-action') });
  });
})();
