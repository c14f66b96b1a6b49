/*
 * The one rich-text editor (rich-editor.jte, ADR 0045), a progressive enhancement of a plain textarea (ADR 0027):
 * without this script (or without the Squire library loaded before it) the field is a labelled textarea and the
 * form posts what was typed. With it, the textarea is hidden and a visual editor takes its place: the writer sees
 * bold, headings, lists, quotes and links, never tags. The editor is Squire (vendored, MIT), on a contenteditable
 * element named by the field's label; the toolbar the page carries hidden is shown, each button has its name and
 * its pressed state (aria-pressed follows the caret), Ctrl/Cmd+B and +I work in the field.
 * The textarea stays the form's field and the live session's (live-editor.js): each edit writes the editor's HTML
 * into it as small splices (a character diff, so that what the editor merely normalizes is a few local changes,
 * never the whole text) each followed by an input event; when the live session puts the merged text into it, it
 * fires "ent-live-text" and the editor shows that text, the caret kept at the same place in the words.
 * Nothing from here is trusted: the server reads the field back (RichText.typed) and sanitizes it. What is shown is
 * parsed in an inert document and kept only to the elements and attributes the server keeps.
 */
(function () {
  'use strict';

  if (!document.querySelectorAll || window.entRichEditor) {
    return;
  }
  window.entRichEditor = true;

  var ELEMENTS = {P: 1, BR: 1, STRONG: 1, B: 1, EM: 1, I: 1, U: 1, S: 1, H2: 1, H3: 1, H4: 1, UL: 1, OL: 1, LI: 1,
    BLOCKQUOTE: 1, A: 1, PRE: 1, CODE: 1, HR: 1, SUB: 1, SUP: 1, TABLE: 1, THEAD: 1, TBODY: 1, TR: 1, TD: 1, TH: 1,
    DIV: 1, SPAN: 1};
  var BLOCKS = '(?:p|div|ul|ol|li|dl|dt|dd|h[1-6]|blockquote|pre|table|caption|thead|tbody|tfoot|tr|td|th|hr|br)\\b';
  var BLOCK_START = new RegExp('^</?' + BLOCKS, 'i');
  var BLOCK_OPEN = new RegExp('<(?!(?:hr|br)\\b)' + BLOCKS + '[^>]*[^/]>', 'gi');
  var BLOCK_CLOSE = new RegExp('</' + BLOCKS + '[^>]*>', 'gi');

  function escapeText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function count(re, text) {
    var m = text.match(re);
    return m ? m.length : 0;
  }

  /** The field's text as HTML, read as the server reads it (RichText.typed): lines outside blocks are paragraphs. */
  function typed(content) {
    var markup = content.indexOf('<') >= 0;
    var html = '';
    var depth = 0;
    content.split(/\r?\n|\r/).forEach(function (line) {
      var text = line.trim();
      if (markup && (depth > 0 || BLOCK_START.test(text))) {
        html += line + '\n';
      } else if (text !== '') {
        html += '<p>' + (markup ? text : escapeText(text)) + '</p>';
      }
      if (markup) {
        depth = Math.max(0, depth + count(BLOCK_OPEN, text) - count(BLOCK_CLOSE, text));
      }
    });
    return html;
  }

  /** Parsed in an inert document (nothing runs, nothing loads), kept to what the server's sanitizer keeps. */
  function clean(html) {
    var parsed = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html').body;
    var out = document.createDocumentFragment();
    copy(parsed, out);
    return out;
  }

  function copy(from, to) {
    for (var n = from.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        to.appendChild(document.createTextNode(n.data));
      } else if (n.nodeType === 1) {
        if (!ELEMENTS[n.nodeName]) {
          if (n.nodeName !== 'SCRIPT' && n.nodeName !== 'STYLE') {
            copy(n, to); // an element the server drops: its words stay
          }
          continue;
        }
        var el = document.createElement(n.nodeName);
        var href = n.nodeName === 'A' ? n.getAttribute('href') : null;
        if (href && /^(https?:|mailto:)/i.test(href.trim())) {
          el.setAttribute('href', href.trim());
        }
        copy(n, el);
        to.appendChild(el);
      }
    }
  }

  /**
   * The splices turning a into b, in order, each on the text the previous left: the common start and end kept,
   * Myers' diff on characters in between, so that what the editor merely normalizes (a line end, an entity) is a
   * few small splices, not one over the whole text. One splice when the middle is large, very different or holds
   * characters outside the BMP (a splice must never cut between the halves of one).
   */
  function splices(a, b) {
    var p = 0;
    var max = Math.min(a.length, b.length);
    while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) {
      p++;
    }
    var q = 0;
    while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) {
      q++;
    }
    if (p > 0 && a.charCodeAt(p - 1) >= 0xd800 && a.charCodeAt(p - 1) <= 0xdbff) {
      p--; // never between the halves of a character
    }
    if (q > 0 && a.charCodeAt(a.length - q) >= 0xdc00 && a.charCodeAt(a.length - q) <= 0xdfff) {
      q--;
    }
    var am = a.substring(p, a.length - q);
    var bm = b.substring(p, b.length - q);
    var whole = [[p, am.length, bm]];
    if (/[\ud800-\udfff]/.test(am + bm) || am.length + bm.length > 20000 || !am.length || !bm.length) {
      return whole;
    }
    var runs = myers(am, bm, 200);
    if (!runs || runs.length > 50) {
      return whole;
    }
    return runs.map(function (r) {
      return [r[0] + p, r[1], r[2]];
    });
  }

  function myers(a, b, limit) {
    var n = a.length;
    var m = b.length;
    var v = {1: 0};
    var trace = [];
    for (var d = 0; d <= limit; d++) {
      trace.push(Object.assign({}, v));
      for (var k = -d; k <= d; k += 2) {
        var x = k === -d || (k !== d && v[k - 1] < v[k + 1]) ? v[k + 1] : v[k - 1] + 1;
        var y = x - k;
        while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
          x++;
          y++;
        }
        v[k] = x;
        if (x >= n && y >= m) {
          return backtrack(trace, a, b, x, y);
        }
      }
    }
    return null;
  }

  function backtrack(trace, a, b, x, y) {
    var edits = []; // [index in a, deleted, inserted], from the end
    for (var d = trace.length - 1; d > 0; d--) {
      var v = trace[d];
      var k = x - y;
      var prevK = k === -d || (k !== d && v[k - 1] < v[k + 1]) ? k + 1 : k - 1;
      var prevX = v[prevK];
      var prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        x--;
        y--;
      }
      if (x === prevX) {
        edits.push([prevX, 0, b.charAt(prevY)]); // an insertion
      } else {
        edits.push([prevX, 1, '']); // a deletion
      }
      x = prevX;
      y = prevY;
    }
    // merged into runs, then replayed from the start: each index on the text the previous splice left
    edits.reverse();
    var runs = [];
    edits.forEach(function (e) {
      var last = runs[runs.length - 1];
      if (last && last[0] + last[1] === e[0]) {
        last[1] += e[1];
        last[2] += e[2];
      } else {
        runs.push([e[0], e[1], e[2]]);
      }
    });
    var shift = 0;
    return runs.map(function (r) {
      var s = [r[0] + shift, r[1], r[2]];
      shift += r[2].length - r[1];
      return s;
    });
  }

  /** The field takes the editor's text, splice by splice, an input event after each (the live session's unit). */
  function write(area, text) {
    var current = area.value;
    if (current === text) {
      return;
    }
    splices(current, text).forEach(function (s) {
      current = current.substring(0, s[0]) + s[2] + current.substring(s[0] + s[1]);
      area.value = current;
      area.dispatchEvent(new Event('input', {bubbles: true}));
    });
  }

  /** Where a position in the words a goes in the words b (the common start and end kept). */
  function moved(pos, a, b) {
    var start = 0;
    var max = Math.min(a.length, b.length);
    while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) {
      start++;
    }
    var end = 0;
    while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) {
      end++;
    }
    if (pos <= start) {
      return pos;
    }
    if (pos >= a.length - end) {
      return pos + b.length - a.length;
    }
    return b.length - end;
  }

  /** The caret as an offset in the editor's words. */
  function caretOffset(root) {
    var sel = window.getSelection();
    if (!sel.rangeCount || !root.contains(sel.anchorNode)) {
      return -1;
    }
    var range = document.createRange();
    range.selectNodeContents(root);
    range.setEnd(sel.anchorNode, sel.anchorOffset);
    return range.toString().length;
  }

  function rangeAt(root, offset) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    var last = null;
    while ((node = walker.nextNode())) {
      last = node;
      if (offset <= node.data.length) {
        var r = document.createRange();
        r.setStart(node, offset);
        r.collapse(true);
        return r;
      }
      offset -= node.data.length;
    }
    var end = document.createRange();
    if (last) {
      end.setStart(last, last.data.length);
    } else {
      end.selectNodeContents(root);
      end.collapse(false);
    }
    return end;
  }

  /** The editor's HTML as the field's value: nothing when there are no words (a required field stays empty). */
  function htmlOf(editor, root) {
    if (root.textContent.trim() === '' && !root.querySelector('li,hr')) {
      return '';
    }
    return editor.getHTML();
  }

  /** The top-level blocks of the selection become headings, or paragraphs again. */
  function heading(editor, on) {
    editor.modifyBlocks(function (frag) {
      Array.prototype.slice.call(frag.childNodes).forEach(function (block) {
        var name = block.nodeName;
        if (on ? name === 'P' || name === 'DIV' : name === 'H2') {
          var el = document.createElement(on ? 'H2' : 'P');
          while (block.firstChild) {
            el.appendChild(block.firstChild);
          }
          frag.replaceChild(el, block);
        }
      });
      return frag;
    });
  }

  var FORMATS = {
    // b and i: what Squire keeps (it reads strong and em as them); the server's sanitizer keeps both
    strong: {has: function (e) { return e.hasFormat('B'); },
      on: function (e) { e.bold(); }, off: function (e) { e.removeBold(); }},
    em: {has: function (e) { return e.hasFormat('I'); },
      on: function (e) { e.italic(); }, off: function (e) { e.removeItalic(); }},
    h2: {has: function (e) { return e.hasFormat('H2'); },
      on: function (e) { heading(e, true); }, off: function (e) { heading(e, false); }},
    ul: {has: function (e) { return e.hasFormat('UL'); },
      on: function (e) { e.makeUnorderedList(); }, off: function (e) { e.removeList(); }},
    blockquote: {has: function (e) { return e.hasFormat('BLOCKQUOTE'); },
      on: function (e) { e.increaseQuoteLevel(); }, off: function (e) { e.removeQuote(); }},
    a: {has: function (e) { return e.hasFormat('A'); },
      on: function (e, box) {
        var address = window.prompt(box.getAttribute('data-text-address'), 'https://');
        if (address && /^(https?:\/\/|mailto:)\S+$/i.test(address.trim())) {
          e.makeLink(address.trim());
        }
      },
      off: function (e) { e.removeLink(); }}
  };

  function start(box) {
    var tools = box.querySelector('[role="toolbar"]');
    var area = box.querySelector('textarea');
    var label = box.querySelector('label');
    if (!tools || !area || !window.Squire || !window.DOMParser || !window.getSelection) {
      return;
    }
    if (!label.id) {
      label.id = area.id + '-label';
    }
    var root = document.createElement('div');
    root.id = area.id + '-visual';
    root.className = 'rich-editor-visual';
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    root.setAttribute('aria-labelledby', label.id);
    root.setAttribute('aria-describedby', area.getAttribute('aria-describedby') || '');
    if (area.required) {
      root.setAttribute('aria-required', 'true');
    }
    root.setAttribute('autocapitalize', 'sentences');
    root.setAttribute('spellcheck', 'true');
    area.parentNode.insertBefore(root, area.nextSibling);
    var applying = false;
    var editor = new window.Squire(root, {
      blockTag: 'P',
      sanitizeToDOMFragment: clean,
      addLinks: false
    });
    editor.setHTML(typed(area.value));
    area.hidden = true;
    area.required = false; // a hidden field cannot show the browser's message; the server checks anyway
    tools.setAttribute('aria-controls', root.id);
    label.addEventListener('click', function () {
      editor.focus();
    });

    var buttons = Array.prototype.slice.call(tools.querySelectorAll('button'));
    function pressed() {
      buttons.forEach(function (b) {
        var f = FORMATS[b.getAttribute('data-format')];
        b.setAttribute('aria-pressed', f && f.has(editor) ? 'true' : 'false');
      });
    }
    function changed() {
      if (!applying) {
        write(area, htmlOf(editor, root));
      }
      pressed();
    }
    editor.addEventListener('input', changed);
    editor.addEventListener('pathChange', pressed);
    editor.addEventListener('select', pressed);
    editor.addEventListener('cursor', pressed);

    // the live session's merged text: shown, the caret kept in the words
    area.addEventListener('ent-live-text', function () {
      if (area.value === htmlOf(editor, root)) {
        return;
      }
      var focused = root.contains(document.activeElement) || document.activeElement === root;
      var before = root.textContent;
      var at = focused ? caretOffset(root) : -1;
      applying = true;
      try {
        editor.setHTML(typed(area.value));
      } finally {
        applying = false;
      }
      if (at >= 0) {
        editor.setSelection(rangeAt(root, moved(at, before, root.textContent)));
      }
      pressed();
    });

    function apply(kind) {
      var f = FORMATS[kind];
      if (!f) {
        return;
      }
      editor.focus();
      if (f.has(editor)) {
        f.off(editor, box);
      } else {
        f.on(editor, box);
      }
      editor.focus();
      changed();
    }

    buttons.forEach(function (b, i) {
      b.tabIndex = i === 0 ? 0 : -1; // roving tab stop: one stop for the toolbar
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('mousedown', function (e) {
        e.preventDefault(); // the editor keeps its selection
      });
      b.addEventListener('click', function () {
        apply(b.getAttribute('data-format'));
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
    ['Ctrl-b', 'Meta-b'].forEach(function (key) {
      editor.setKeyHandler(key, function (self, e) {
        e.preventDefault();
        apply('strong');
      });
    });
    ['Ctrl-i', 'Meta-i'].forEach(function (key) {
      editor.setKeyHandler(key, function (self, e) {
        e.preventDefault();
        apply('em');
      });
    });
    tools.hidden = false;
    box.classList.add('rich-editor-on');
    box.richEditor = editor; // read by the browser tests
  }

  function startAll() {
    var boxes = document.querySelectorAll('.rich-editor');
    for (var i = 0; i < boxes.length; i++) {
      start(boxes[i]);
    }
  }
  startAll();
})();
