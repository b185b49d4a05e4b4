// Search-box suggestions (ARIA 1.2 combobox with a listbox popup). The form works without this script;
// if the suggestion service is missing or fails, the box simply stays a plain search box.
// Every box marked with data-suggest-url gets the same behaviour (the header's and the home page's): its popup is
// the element its aria-controls names, its spoken status the element its data-suggest-status names.
(function () {
  "use strict";
  if (!window.fetch) { return; }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url]"), function (input) {
    var list = document.getElementById(input.getAttribute("aria-controls") || "");
    var status = document.getElementById(input.getAttribute("data-suggest-status") || "");
    if (list && status) { attach(input, list, status); }
  });

  function attach(input, list, status) {
    var endpoint = input.getAttribute("data-suggest-url");
    var items = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";
    var disabled = false;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
      else { input.removeAttribute("aria-activedescendant"); }
    }

    function go(li) { window.location.assign(li.getAttribute("data-url")); }

    function render(results) {
      close();
      results.slice(0, 10).forEach(function (result, i) {
        if (!result || !result.label || !result.url) { return; }
        var li = document.createElement("li");
        li.id = list.id + "-option-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-url", result.url);
        li.appendChild(document.createTextNode(result.label));
        if (result.kind) {
          var kind = document.createElement("span");
          kind.className = "kind";
          kind.textContent = "(" + result.kind + ")";
          li.appendChild(kind);
        }
        if (result.matched) {
          // Why a suggestion whose name is not what was typed is offered: "everyday name: hole in heart".
          var why = document.createElement("span");
          why.className = "matched";
          why.textContent = result.matched;
          li.appendChild(why);
        }
        li.addEventListener("mousedown", function (event) { event.preventDefault(); go(li); });
        list.appendChild(li);
        items.push(li);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      status.textContent = items.length ? items.length + " suggestions available; use the arrow keys to choose." : "";
    }

    function fetchSuggestions(query) {
      fetch(endpoint + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) {
          if (response.status === 404 || response.status === 501) { disabled = true; }
          if (!response.ok) { throw new Error("no suggestions"); }
          return response.json();
        })
        .then(function (data) {
          if (input.value.trim() !== query) { return; }
          render((data && Array.isArray(data.results)) ? data.results : []);
        })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (disabled || query.length < 2) { close(); return; }
      if (query === lastQuery) { return; }
      lastQuery = query;
      timer = window.setTimeout(function () { fetchSuggestions(query); }, 150);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        go(items[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        // First Escape only closes the popup; the browser's own Escape (clearing the box) comes on the next press.
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }
})();
