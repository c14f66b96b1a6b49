/*
 * The one rich-text editor's toolbar (rich-editor.jte), a progressive enhancement of a plain textarea (ADR 0027):
 * without this script the field is a labelled textarea and the form posts what was typed. With it, the toolbar the
 * page carries hidden is shown, and each button writes into the text the tags the platform's one sanitizer keeps
 * (strong, em, h2, ul/li, blockquote, a): the text stays the field's value, the server reads lines and markup back
 * (RichText.typed) and sanitizes. Nothing is rendered here, so nothing typed can run.
 * Keyboard: the toolbar is one tab stop (arrow keys, Home and End move within it, ARIA toolbar pattern); Ctrl+B and
 * Ctrl+I (Cmd on a Mac) work in the field. After a button the focus goes back to the field with the words selected.
 * Edits go through the browser's own text insertion, so they are undoable and fire the input event the live
 * session (live-editor.js) turns into splices. No inline script, no framework, no other origin.
 */
(function () {
  'use strict';

  if (!document.querySelectorAll || window.entRichEditor) {
    return;
  }
  window.entRichEditor = true;

  /** Replaces the field's selection with text, selecting [from, to) of it afterwards (offsets in text). */
  function insert(area, text, from, to) {
    var start = area.selectionStart;
    area.focus();
    var done = false;
    try {
      done = document.execCommand && document.execCommand('insertText', false, text);
    } catch (e) {
      done = false;
    }
    if (!done) {
      area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new Event('input', {bubbles: true}));
    }
    area.setSelectionRange(start + from, start + to);
  }

  /** The selected lines as list items, one per non-empty line. */
  function items(text) {
    var lines = text.split(/\r?\n/).filter(function (l) { return l.trim() !== ''; });
    if (!lines.length) {
      lines = [''];
    }
    return lines.map(function (l) { return '<li>' + l.trim() + '</li>'; }).join('\n');
  }

  /** A block starts on its own line: a line break before it unless the caret is at a line's start. */
  function lineBefore(area) {
    var start = area.selectionStart;
    return start > 0 && area.value.charAt(start - 1) !== '\n' ? '\n' : '';
  }

  function lineAfter(area) {
    var end = area.selectionEnd;
    return end < area.value.length && area.value.charAt(end) !== '\n' ? '\n' : '';
  }

  function format(area, kind) {
    var selected = area.value.substring(area.selectionStart, area.selectionEnd);
    var open;
    var close;
    var body = selected;
    var before = '';
    var after = '';
    if (kind === 'a') {
      // the address is selected afterwards, for the writer to type it over
      var address = 'https://';
      open = '<a href="';
      var text = open + address + '">' + (selected || address) + '</a>';
      insert(area, text, open.length, open.length + address.length);
      return;
    }
    if (kind === 'ul') {
      before = lineBefore(area);
      after = lineAfter(area);
      open = before + '<ul>\n';
      close = '\n</ul>' + after;
      body = items(selected);
    } else if (kind === 'h2' || kind === 'blockquote') {
      before = lineBefore(area);
      after = lineAfter(area);
      open = before + '<' + kind + '>';
      close = '</' + kind + '>' + after;
    } else {
      open = '<' + kind + '>';
      close = '</' + kind + '>';
    }
    insert(area, open + body + close, open.length, open.length + body.length);
  }

  function start(box) {
    var tools = box.querySelector('[role="toolbar"]');
    var area = box.querySelector('textarea');
    if (!tools || !area || typeof area.setSelectionRange !== 'function') {
      return;
    }
    var buttons = Array.prototype.slice.call(tools.querySelectorAll('button'));
    buttons.forEach(function (b, i) {
      b.tabIndex = i === 0 ? 0 : -1; // roving tab stop: one stop for the toolbar
      b.addEventListener('click', function () {
        format(area, b.getAttribute('data-format'));
      });
    });
    tools.addEventListener('keydown', function (e) {
      var at = buttons.indexOf(document.activeElement);
      var next = -1;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
        next = (at + 1) % buttons.length;
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
        next = (at - 1 + buttons.length) % buttons.length;
      } else if (e.key === 'Home') {
        next = 0;
      } else if (e.key === 'End') {
        next = buttons.length - 1;
      }
      if (next >= 0 && at >= 0) {
        e.preventDefault();
        buttons[at].tabIndex = -1;
        buttons[next].tabIndex = 0;
        buttons[next].focus();
      }
    });
    area.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        var key = e.key.toLowerCase();
        if (key === 'b' || key === 'i') {
          e.preventDefault();
          format(area, key === 'b' ? 'strong' : 'em');
        }
      }
    });
    tools.hidden = false;
  }

  var boxes = document.querySelectorAll('.rich-editor');
  for (var i = 0; i < boxes.length; i++) {
    start(boxes[i]);
  }
})();
