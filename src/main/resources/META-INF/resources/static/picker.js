/* InvestCRM company picker (tags/company-picker.html): search as you type, choose with touch, mouse or keyboard.
   No framework, no CDN. Texts come from the page (data-msg-*), so they follow the message bundles. */
(function () {
  'use strict';

  var DELAY_MS = 150;

  function setup(root) {
    // the tag brings the script once per picker: set each picker up once
    if (root.getAttribute('data-picker-ready')) { return; }
    root.setAttribute('data-picker-ready', 'true');
    var name = root.getAttribute('data-name');
    var multiple = root.getAttribute('data-multiple') === 'true';
    var endpoint = root.getAttribute('data-endpoint');
    var input = root.querySelector('.picker-input');
    var list = root.querySelector('.picker-options');
    var chosen = root.querySelector('.picker-chosen');
    var status = root.querySelector('.picker-status');
    var hint = status.textContent;
    var msg = function (key) { return root.getAttribute('data-msg-' + key) || ''; };
    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var seq = 0;

    function chosenIds() {
      return Array.prototype.map.call(chosen.querySelectorAll('input[type=hidden]'), function (h) { return h.value; });
    }

    function close() {
      list.hidden = true;
      list.innerHTML = '';
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      items = [];
      active = -1;
    }

    function highlight(i) {
      var options = list.querySelectorAll('[role=option]');
      if (!options.length) { return; }
      active = (i + options.length) % options.length;
      Array.prototype.forEach.call(options, function (o, k) { o.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    }

    function chip(id, label) {
      var li = document.createElement('li');
      li.className = 'picker-chip';
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = name;
      hidden.value = id;
      var span = document.createElement('span');
      span.textContent = label;
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'picker-remove';
      remove.setAttribute('aria-label', msg('remove') + ' ' + label);
      remove.textContent = '×';
      li.appendChild(hidden);
      li.appendChild(span);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(remove);
      return li;
    }

    function choose(i) {
      var c = items[i];
      if (!c) { return; }
      if (!multiple) { chosen.innerHTML = ''; }
      if (chosenIds().indexOf(String(c.id)) < 0) { chosen.appendChild(chip(c.id, c.name)); }
      input.value = '';
      close();
      status.textContent = hint;
      root.dispatchEvent(new CustomEvent('picker:change', { bubbles: true, detail: { id: c.id, name: c.name } }));
      input.focus();
    }

    function render(found) {
      list.innerHTML = '';
      items = found;
      active = -1;
      if (!found.length) {
        status.textContent = msg('none');
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        return;
      }
      found.forEach(function (c, i) {
        var li = document.createElement('li');
        li.id = input.id + '-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-id', c.id);
        var strong = document.createElement('span');
        strong.className = 'picker-name';
        strong.textContent = c.name;
        li.appendChild(strong);
        var more = [c.nameEn, c.creditCode, c.city].filter(function (s) { return s; }).join(' · ');
        if (more) {
          var small = document.createElement('small');
          small.textContent = more;
          li.appendChild(small);
        }
        // mousedown, not click: choosing must happen before the input loses focus
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = msg('count').replace('{0}', String(found.length));
    }

    function search() {
      var q = input.value.trim();
      if (pending) { pending.abort(); pending = null; }
      if (!q) { close(); status.textContent = hint; return; }
      var mine = ++seq;
      pending = typeof AbortController === 'function' ? new AbortController() : null;
      status.textContent = msg('searching');
      var headers = { 'Accept': 'application/json' };
      // with a signed CSRF cookie every GET without the page's token would replace it, and the form around the
      // picker would then be refused: the header keeps the page's token
      headers[root.getAttribute('data-csrf-header')] = root.getAttribute('data-csrf');
      fetch(endpoint + '?q=' + encodeURIComponent(q), {
        headers: headers,
        credentials: 'same-origin',
        redirect: 'error',
        signal: pending ? pending.signal : undefined
      }).then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      }).then(function (found) {
        if (mine === seq) { render(found); }
      }).catch(function (e) {
        if (e && e.name === 'AbortError') { return; }
        if (mine === seq) { close(); status.textContent = msg('error'); }
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, DELAY_MS);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) { search(); } else { highlight(active + 1); } }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
      else if (e.key === 'Enter') {
        // Enter picks the highlighted answer (or the only one) instead of sending the form half-filled
        if (!list.hidden && items.length) { e.preventDefault(); choose(active >= 0 ? active : 0); }
        else if (input.value.trim()) { e.preventDefault(); }
      }
      else if (e.key === 'Escape') { close(); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
    chosen.addEventListener('click', function (e) {
      var target = e.target;
      if (target && target.classList && target.classList.contains('picker-remove')) {
        var li = target.closest('li');
        if (li) { li.parentNode.removeChild(li); }
        root.dispatchEvent(new CustomEvent('picker:change', { bubbles: true, detail: null }));
        input.focus();
      }
    });
    // a required picker: the form is not sent without a chosen company
    var form = root.closest('form');
    if (form && root.getAttribute('data-required') === 'true') {
      form.addEventListener('submit', function (e) {
        if (!chosenIds().length) {
          e.preventDefault();
          status.textContent = hint;
          input.focus();
        }
      });
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-picker]'), setup);
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
