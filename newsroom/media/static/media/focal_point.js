// The focal point widget: a click on the image sets "across" and "down" (percent).
(function () {
  "use strict";
  function place(widget) {
    var across = document.getElementById(widget.dataset.across);
    var down = document.getElementById(widget.dataset.down);
    var image = widget.querySelector(".focal-point__image");
    var mark = widget.querySelector(".focal-point__mark");
    if (!across || !down || !image || !mark) return;
    function show() {
      mark.style.left = (Number(across.value) || 0) + "%";
      mark.style.top = (Number(down.value) || 0) + "%";
    }
    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      across.value = Math.round(Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1) * 100);
      down.value = Math.round(Math.min(Math.max((event.clientY - box.top) / box.height, 0), 1) * 100);
      show();
    });
    across.addEventListener("input", show);
    down.addEventListener("input", show);
    show();
  }
  function start() {
    document.querySelectorAll(".focal-point").forEach(place);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
