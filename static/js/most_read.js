// Counts this page view for "Most read" (articles/public/most_read.py): one beacon to the
// address the script tag names, no cookie of its own. Runs on cached pages too.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-beacon");
  if (!url) {
    return;
  }
  function send() {
    if (navigator.sendBeacon && navigator.sendBeacon(url)) {
      return;
    }
    if (window.fetch) {
      fetch(url, { method: "POST", keepalive: true, credentials: "same-origin" });
    }
  }
  // A page the browser prerenders is counted when (and if) the reader opens it.
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
})();
