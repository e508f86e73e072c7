(function () {
  "use strict";
  var table = document.getElementById("schedule-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, col, type) {
    var cell = row.cells[col];
    var text = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    return type === "number" ? parseFloat(text) || 0 : text.toLowerCase();
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    th.tabIndex = 0;
    function sort() {
      var type = th.getAttribute("data-type");
      var up = th.getAttribute("aria-sort") !== "ascending";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, col, type), y = key(b, col, type);
        return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
  });
  var selects = document.querySelectorAll("select[data-filter]");
  var shown = document.querySelector(".filters .shown b");
  function filter() {
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = Array.prototype.every.call(selects, function (s) {
        return !s.value || row.getAttribute("data-" + s.getAttribute("data-filter")) === s.value;
      });
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    if (shown) { shown.textContent = String(n); }
  }
  Array.prototype.forEach.call(selects, function (s) { s.addEventListener("change", filter); });
}());
