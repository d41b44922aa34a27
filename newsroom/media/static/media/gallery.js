// Photo galleries: every photo is already on the page as a captioned figure; this adds a
// full-screen viewer. A modal <dialog>: Escape closes it, the arrow keys move, Tab stays
// inside, and focus returns to the photo that opened it. No inline script or style.
(function () {
  "use strict";
  function button(label, className, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "viewer__button " + className;
    b.setAttribute("aria-label", label);
    b.textContent = text;
    return b;
  }
  function setUp(gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__open"));
    if (!links.length || typeof HTMLDialogElement !== "function") return;
    var labels = gallery.dataset;
    var dialog = document.createElement("dialog");
    dialog.className = "viewer";
    dialog.setAttribute("aria-label", labels.labelViewer);
    var figure = document.createElement("figure");
    figure.className = "viewer__figure";
    var image = document.createElement("img");
    image.className = "viewer__image";
    image.alt = "";
    var caption = document.createElement("figcaption");
    caption.className = "viewer__caption";
    caption.setAttribute("aria-live", "polite");
    figure.appendChild(image);
    figure.appendChild(caption);
    var close = button(labels.labelClose, "viewer__close", "×");
    var previous = button(labels.labelPrevious, "viewer__previous", "‹");
    var next = button(labels.labelNext, "viewer__next", "›");
    dialog.appendChild(close);
    dialog.appendChild(previous);
    dialog.appendChild(figure);
    dialog.appendChild(next);
    document.body.appendChild(dialog);
    var current = 0, opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var img = link.querySelector("img");
      image.src = link.href;
      if (link.dataset.srcset) image.srcset = link.dataset.srcset;
      image.sizes = "100vw";
      image.width = Number(link.dataset.width) || 0;
      image.height = Number(link.dataset.height) || 0;
      image.alt = img ? img.alt : "";
      var text = link.closest(".gallery__photo").querySelector("figcaption");
      caption.textContent = (current + 1) + " / " + links.length + (text ? " — " + text.textContent.trim() : "");
    }
    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.button > 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        opener = link;
        show(index);
        dialog.showModal();
        close.focus();
      });
    });
    close.addEventListener("click", function () { dialog.close(); });
    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
      if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
    });
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
  }
  function start() {
    document.querySelectorAll("[data-gallery]").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
