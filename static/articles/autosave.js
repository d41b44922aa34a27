/* Autosave: every few seconds, what is typed in the article form goes to the server
   (no revision is made); on reopening, the form offers it back. */
(function () {
  "use strict";
  var FIELDS = ["title", "slug", "summary", "body", "cover_caption", "cover_alt"];

  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  function editor() {
    return window.CKEDITOR && window.CKEDITOR.instances && window.CKEDITOR.instances.id_body;
  }

  function read(name) {
    if (name === "body" && editor()) return editor().getData();
    var input = document.getElementById("id_" + name);
    return input ? input.value : "";
  }

  function write(name, value) {
    var input = document.getElementById("id_" + name);
    if (input) input.value = value;
    var ed = name === "body" && editor();
    if (!ed) return;  // CKEditor not started yet: it will read the textarea
    // Still loading, CKEditor would overwrite the restored text with what it loaded.
    if (ed.status === "ready") ed.setData(value);
    else ed.once("instanceReady", function () { ed.setData(value); });
  }

  function snapshot() {
    var data = {};
    FIELDS.forEach(function (name) { data[name] = read(name); });
    return data;
  }

  ready(function () {
    var status = document.getElementById("autosave-status");
    if (!status) return;
    var form = status.closest("form");
    var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    var last = null;
    var submitting = false;
    if (form) form.addEventListener("submit", function () { submitting = true; });

    function post(fields) {
      var body = new URLSearchParams(fields);
      body.set("article", status.dataset.article || "");
      return fetch(status.dataset.url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-CSRFToken": token ? token.value : "" }
      }).then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
        if (!response.ok || !json) throw new Error("autosave " + response.status);
        return response.json();
      });
    }

    function tick() {
      if (submitting) return;
      var data = snapshot();
      var now = JSON.stringify(data);
      if (now === last) return;
      post(data).then(function (reply) {
        last = now;
        status.classList.remove("failed");
        status.textContent = status.dataset.saved + " " + reply.saved_at;
      }).catch(function () {
        status.classList.add("failed");
        status.textContent = status.dataset.failed;
      });
    }
    // The baseline is taken once CKEditor shows the body, so opening the form
    // is not mistaken for typing.
    var started = false;
    function start() {
      if (started) return;
      started = true;
      last = JSON.stringify(snapshot());
      window.setInterval(tick, 1000 * (Number(status.dataset.seconds) || 5));
    }
    var ed = editor();
    if (ed && ed.status === "ready") start();
    else if (window.CKEDITOR && document.getElementById("id_body")) {
      window.CKEDITOR.on("instanceReady", function (event) {
        if (event.editor.name === "id_body") start();
      });
    } else start();

    var offer = document.getElementById("autosave-offer");
    var saved = document.getElementById("autosave-data");
    if (offer && saved) {
      document.getElementById("autosave-restore").addEventListener("click", function () {
        var data = JSON.parse(saved.textContent);
        FIELDS.forEach(function (name) { if (name in data) write(name, data[name]); });
        offer.remove();
      });
      document.getElementById("autosave-discard").addEventListener("click", function () {
        post({ discard: "1" }).finally(function () { offer.remove(); });
      });
    }
  });
})();
