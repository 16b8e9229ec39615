/* The official picker, as progressive enhancement (no inline script: see the CSP).
   Without JavaScript the form keeps its <select> of every official. With it, the select is
   hidden behind a search box: typing part of a name or NIP asks the server
   (registry.official_search, JSON) and lists the matches with their own post and level;
   choosing one sets the select. The texts come translated from the select's data-picker-*. */
(function () {
  "use strict";

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function choose(select, chosen, match) {
    var option = select.querySelector('option[value="' + match.id + '"]');
    if (!option) {
      option = new Option(match.name + " — " + match.nip, match.id);
      select.add(option);
    }
    select.value = String(match.id);
    chosen.textContent = select.dataset.pickerChosen + ": " + option.textContent;
  }

  function resultItem(select, chosen, list, input, match) {
    var item = document.createElement("li");
    item.className = "list-group-item p-0";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-link text-start text-decoration-none w-100 px-3 py-2";
    var name = document.createElement("span");
    name.className = "d-block fw-semibold";
    name.textContent = match.name + " — " + match.nip;
    var where = document.createElement("span");
    where.className = "d-block small text-body";
    where.textContent = [match.post, match.level].filter(Boolean).join(" · ");
    button.appendChild(name);
    button.appendChild(where);
    button.addEventListener("click", function () {
      choose(select, chosen, match);
      input.value = match.name;
      clear(list);
      input.focus();
    });
    item.appendChild(button);
    return item;
  }

  function enhance(select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var input = document.createElement("input");
    input.type = "search";
    input.id = select.id + "-cari";
    input.className = "form-control";
    input.autocomplete = "off";
    input.placeholder = select.dataset.pickerPlaceholder;
    var chosen = document.createElement("div");
    chosen.id = select.id + "-dipilih";
    chosen.className = "form-text";
    chosen.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", chosen.id);
    var list = document.createElement("ul");
    list.className = "list-group mt-1 picker-results";
    list.setAttribute("aria-label", select.dataset.pickerResults);
    select.classList.add("d-none");
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(list, select);
    select.parentNode.insertBefore(chosen, select);
    if (label) { label.htmlFor = input.id; }
    if (select.value && select.value !== "0") {
      chosen.textContent = select.dataset.pickerChosen + ": " +
        select.options[select.selectedIndex].textContent;
    }
    var timer = null;
    var asked = 0;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) { clear(list); return; }
      timer = window.setTimeout(function () {
        var number = ++asked;
        var url = select.dataset.pickerUrl + "?q=" + encodeURIComponent(text);
        fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (matches) {
            if (number !== asked) { return; }  // a newer search is on its way
            clear(list);
            if (!matches.length) {
              var none = document.createElement("li");
              none.className = "list-group-item small";
              none.textContent = select.dataset.pickerNone;
              list.appendChild(none);
            }
            matches.forEach(function (match) {
              list.appendChild(resultItem(select, chosen, list, input, match));
            });
          });
      }, 200);
    });
  }

  document.querySelectorAll("select[data-picker-url]").forEach(enhance);
}());
