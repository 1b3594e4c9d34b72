// govcheck serve: drag and drop onto the upload box, and say what was chosen.
// The page works without this script: the file input is a normal, labelled control.
(function () {
  "use strict";
  var drop = document.getElementById("drop");
  var input = document.getElementById("files");
  var chosen = document.getElementById("chosen");
  if (!drop || !input) { return; }
  function show() {
    var names = [];
    for (var i = 0; i < input.files.length; i++) { names.push(input.files[i].name); }
    chosen.textContent = names.length ? "Chosen: " + names.join(", ") : "";
  }
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (e) {
      e.preventDefault();
      drop.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      show();
    }
  });
})();
