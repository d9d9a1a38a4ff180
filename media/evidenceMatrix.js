// The evidence matrix webview's script (client/src/evidenceMatrixPanel.ts): puts in place the
// matrix the extension sends, already escaped (client/src/matrixHtml.ts), and posts back a click
// on a row or hypothesis (reveal it in the editor) or on an order button.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('matrix');

  window.addEventListener('message', (event) => {
    if (event.data.type === 'render') root.innerHTML = event.data.html;
  });

  function act(target) {
    const order = target.closest('[data-order]');
    if (order) {
      vscode.postMessage({ type: 'order', order: order.dataset.order });
      return;
    }
    const marker = target.closest('[data-reveal]');
    if (marker) {
      const [list, index] = marker.dataset.reveal.split(':');
      vscode.postMessage({ type: 'reveal', list, index: Number(index) });
    }
  }

  root.addEventListener('click', (event) => act(event.target));
  root.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target.matches('[data-reveal]')) {
      event.preventDefault();
      act(event.target);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
