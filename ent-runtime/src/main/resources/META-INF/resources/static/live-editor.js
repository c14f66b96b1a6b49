/*
 * The shared editor's live session (ADR 0037), a progressive enhancement of a plain textarea (ADR 0027): without
 * this script the form is posted as it always was. With it, a field marked data-live="<channel>" (the runtime's
 * rich-editor.jte) is kept in step with the other editors of the same resource:
 * - each local edit becomes a splice [index, deleted, inserted] (UTF-16 indexes, as the textarea counts), queued
 *   in order, each on the text the previous one left;
 * - the queue is sent as one batch naming the heads it was typed on; the server applies it on a fork of its
 *   Automerge document at those heads and merges (no CRDT here: the browser stays thin), then answers with the
 *   heads of this editor's own branch (the next batch builds on them) and the merged text;
 * - a long poll brings the others' changes; the merged text replaces the field's only when nothing of ours is
 *   unsent or unanswered and no keyboard composition is under way, the caret kept in place;
 * - network cut: batches wait (the unanswered one is sent again with its number, so it is never applied twice),
 *   and go on reconnection, where the fork-and-merge merges them with what the others did meanwhile.
 * When the visual editor (rich-editor.js, ADR 0045) stands for the textarea, it writes its HTML into the textarea
 * with input events and shows the merged text on "ent-live-text": the session still edits the textarea's text.
 * Status lines go to the field's role="status" line. No inline script, no framework, no other origin.
 */
(function () {
  'use strict';

  if (!window.fetch || !window.URLSearchParams || !window.JSON || window.entLiveEditor) {
    return;
  }
  window.entLiveEditor = true;

  var RETRY_MS = 1000;

  function randomId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += ('0' + bytes[i].toString(16)).slice(-2);
    }
    return out;
  }

  /** The one splice turning a into b (common start and end kept, never between the halves of a character). */
  function diff(a, b) {
    var start = 0;
    var max = Math.min(a.length, b.length);
    while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) {
      start++;
    }
    if (start > 0 && isHigh(a.charCodeAt(start - 1))) {
      start--;
    }
    var end = 0;
    while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) {
      end++;
    }
    if (end > 0 && isLow(a.charCodeAt(a.length - end))) {
      end--;
    }
    return [start, a.length - start - end, b.substring(start, b.length - end)];
  }

  function isHigh(c) {
    return c >= 0xd800 && c <= 0xdbff;
  }

  function isLow(c) {
    return c >= 0xdc00 && c <= 0xdfff;
  }

  /** Where a caret at pos goes when the text changes from a to b. */
  function moved(pos, a, b) {
    var d = diff(a, b);
    if (pos <= d[0]) {
      return pos;
    }
    if (pos >= d[0] + d[1]) {
      return pos + d[2].length - d[1];
    }
    return d[0] + d[2].length;
  }

  function start(box) {
    var area = box.querySelector('textarea');
    var status = box.querySelector('[role="status"]');
    var url = box.getAttribute('data-live');
    var form = area.form;
    var versionInput = form && box.getAttribute('data-version-field')
      ? form.querySelector('input[name="' + box.getAttribute('data-version-field') + '"]') : null;
    var s = {
      editor: randomId(),
      version: parseInt(box.getAttribute('data-version'), 10),
      base: null, // heads the local text builds on: nothing is sent before the first answer gives them
      shadow: area.defaultValue, // the field as last seen by this script
      queue: [],
      inflight: null,
      batch: 0,
      latest: null,
      seen: -1,
      online: true,
      ended: false,
      composing: false,
      said: ''
    };
    box.liveState = s; // read by the browser tests

    function say(text) {
      if (text !== s.said) {
        s.said = text;
        status.textContent = text;
      }
    }

    function sayWho() {
      if (s.ended) {
        say(box.getAttribute('data-text-ended'));
      } else if (!s.online) {
        say(box.getAttribute('data-text-offline'));
      } else if (s.latest) {
        say(s.latest.editors > 1 ? box.getAttribute('data-text-editors').replace('{0}', s.latest.editors)
          : box.getAttribute('data-text-one'));
      }
    }

    function record() {
      if (area.value !== s.shadow) {
        s.queue.push(diff(s.shadow, area.value));
        s.shadow = area.value;
      }
    }

    function end() {
      s.ended = true;
      sayWho();
    }

    function heard(state) {
      if (!s.latest || state.sequence > s.latest.sequence) {
        s.latest = state;
      }
      s.seen = Math.max(s.seen, state.sequence);
      if (versionInput && state.version > parseInt(versionInput.value || '0', 10) && s.base) {
        versionInput.value = String(state.version); // someone saved from this session: our text includes it
      }
      sayWho();
    }

    /** Shows the merged text when nothing of ours is pending. */
    function settle() {
      record();
      if (s.ended || !s.base) {
        return;
      }
      if (s.queue.length || s.inflight) {
        flush();
        return;
      }
      if (s.composing || !s.latest) {
        return;
      }
      var text = s.latest.text;
      if (text !== area.value) {
        var focused = document.activeElement === area;
        var a = area.value;
        var from = area.selectionStart;
        var to = area.selectionEnd;
        area.value = text;
        if (focused) {
          area.setSelectionRange(moved(from, a, text), moved(to, a, text));
        }
        area.dispatchEvent(new CustomEvent('ent-live-text')); // the visual editor (rich-editor.js) shows it
      }
      s.shadow = text;
      s.base = s.latest.heads;
    }

    function flush() {
      if (s.ended || !s.base || s.inflight || !s.queue.length) {
        return;
      }
      s.inflight = {batch: ++s.batch, base: s.base, splices: s.queue};
      s.queue = [];
      send();
    }

    function send() {
      var body = new URLSearchParams();
      body.set('csrf', box.getAttribute('data-csrf'));
      body.set('editor', s.editor);
      body.set('batch', String(s.inflight.batch));
      body.set('base', s.inflight.base.join(','));
      body.set('splices', JSON.stringify(s.inflight.splices));
      fetch(url, {method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual',
        headers: {'Accept': 'application/json'}})
        .then(function (response) {
          if (response.ok) {
            return response.json();
          }
          if (response.type === 'opaqueredirect' || response.status >= 400 && response.status < 500 && response.status !== 408) {
            end(); // refused (session gone, right withdrawn, signed out): the plain form remains
            return null;
          }
          throw new Error('status ' + response.status);
        })
        .then(function (answer) {
          if (!answer) {
            return;
          }
          s.base = answer.change;
          s.inflight = null;
          s.online = true;
          heard(answer);
          settle();
        })
        .catch(function () {
          s.online = false;
          sayWho();
          window.setTimeout(send, RETRY_MS); // the same batch again: the server applies a number once
        });
    }

    function poll() {
      if (s.ended) {
        return;
      }
      var controller = window.AbortController ? new AbortController() : null;
      var timer = controller ? window.setTimeout(function () { controller.abort(); }, 30000) : 0;
      fetch(url + '?editor=' + s.editor + '&seen=' + s.seen, {credentials: 'same-origin', redirect: 'manual',
        headers: {'Accept': 'application/json'}, signal: controller ? controller.signal : undefined})
        .then(function (response) {
          window.clearTimeout(timer);
          if (response.ok) {
            return response.json();
          }
          if (response.type === 'opaqueredirect' || response.status >= 400 && response.status < 500 && response.status !== 408) {
            end();
            return null;
          }
          throw new Error('status ' + response.status);
        })
        .then(function (state) {
          if (!state) {
            return;
          }
          if (!s.base) {
            first(state);
          }
          if (!s.inflight) {
            s.online = true;
          }
          heard(state);
          settle();
          poll();
        })
        .catch(function () {
          window.clearTimeout(timer);
          s.online = false;
          sayWho();
          window.setTimeout(poll, RETRY_MS);
        });
    }

    /** The first answer: what was typed before it builds on the version this page was shown with. */
    function first(state) {
      record();
      if (state.fromVersion === s.version) {
        s.base = state.initialHeads; // the session started from the very text this field started with
      } else if (!s.queue.length) {
        s.base = state.heads; // nothing typed yet: take the session's text
      } else {
        end(); // typed on an older version than the session's: the save's conflict check will show both
      }
    }

    area.addEventListener('input', function () {
      record();
      flush();
    });
    // on the box: the composition may be in the textarea or in the visual editor that stands for it
    box.addEventListener('compositionstart', function () {
      s.composing = true;
    });
    box.addEventListener('compositionend', function () {
      s.composing = false;
      settle();
    });
    if (form) {
      form.addEventListener('submit', function () {
        if (s.base && !s.ended && !form.querySelector('input[name="live"]')) {
          var live = document.createElement('input');
          live.type = 'hidden';
          live.name = 'live';
          live.value = '1';
          form.appendChild(live); // a save from the session: the others build on it
        }
      });
    }
    window.addEventListener('pagehide', function () {
      if (navigator.sendBeacon && !s.ended) {
        var body = new URLSearchParams();
        body.set('csrf', box.getAttribute('data-csrf'));
        body.set('editor', s.editor);
        body.set('leave', '1');
        navigator.sendBeacon(url, body);
      }
    });
    poll();
  }

  var boxes = document.querySelectorAll('[data-live]');
  for (var i = 0; i < boxes.length; i++) {
    start(boxes[i]);
  }
})();
