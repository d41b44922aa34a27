// Embedded videos and posts: each card is a link to the original, with the thumbnail we
// stored. Nothing is asked of the provider until the reader clicks: then the card's frame
// becomes the provider's player (YouTube through youtube-nocookie.com). No inline script.
(function () {
  "use strict";
  function play(event) {
    var link = event.currentTarget;
    var card = link.closest(".embed");
    var player = card && card.dataset.player;
    if (!player || event.button > 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = player;
    frame.title = link.querySelector(".embed__title").textContent;
    frame.className = "embed__player";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    var box = document.createElement("div");
    box.className = "embed__frame embed__frame--playing";
    box.appendChild(frame);
    var source = document.createElement("a");
    source.href = link.href;
    source.rel = "noopener noreferrer nofollow external";
    source.className = "embed__original";
    source.textContent = link.querySelector(".embed__title").textContent;
    card.replaceChild(box, link);
    card.insertBefore(source, box.nextSibling);
    frame.focus();
  }
  function start() {
    document.querySelectorAll(".embed[data-player] .embed__link").forEach(function (link) {
      link.addEventListener("click", play);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
