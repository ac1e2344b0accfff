/* InvestCRM visit form: add and remove follow-up rows (ActivityPages/form.html). Without a script, one row is sent. */
(function () {
  'use strict';

  function init() {
    var rows = document.getElementById('follow-up-rows');
    var add = document.getElementById('add-follow-up');
    if (!rows || !add) { return; }
    var template = rows.querySelector('[data-follow-up-row]').cloneNode(true);
    var counter = rows.querySelectorAll('[data-follow-up-row]').length;

    function refresh() {
      var all = rows.querySelectorAll('[data-follow-up-row]');
      Array.prototype.forEach.call(all, function (row) {
        // the last row is never removed: it is the empty one to fill
        row.querySelector('[data-remove-row]').hidden = all.length < 2;
      });
    }

    add.hidden = false;
    add.addEventListener('click', function () {
      var row = template.cloneNode(true);
      var n = counter++;
      Array.prototype.forEach.call(row.querySelectorAll('input, select'), function (field) {
        field.id = field.id.replace(/-\d+$/, '-' + n);
        if (field.tagName === 'INPUT') { field.value = ''; }
      });
      Array.prototype.forEach.call(row.querySelectorAll('label'), function (label) {
        label.htmlFor = label.htmlFor.replace(/-\d+$/, '-' + n);
      });
      rows.appendChild(row);
      refresh();
      row.querySelector('input').focus();
    });
    rows.addEventListener('click', function (e) {
      var target = e.target;
      if (target && target.hasAttribute && target.hasAttribute('data-remove-row')) {
        var row = target.closest('[data-follow-up-row]');
        if (row && rows.querySelectorAll('[data-follow-up-row]').length > 1) { row.parentNode.removeChild(row); }
        refresh();
        add.focus();
      }
    });
    refresh();
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
