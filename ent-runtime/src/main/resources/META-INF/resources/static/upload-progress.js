/*
 * Upload progress for the portal's file forms (ADR 0027), a progressive enhancement: without this script, or in a
 * browser without XMLHttpRequest upload events, the form posts as it always does and the server answers with a
 * redirect or a page. With it, a form marked data-upload-progress="<id of its progress box>" that carries a chosen
 * file is sent by XMLHttpRequest with the same fields (the pressed button's name and value included), and the box
 * shows how much is sent: its [data-upload-bar] part (hidden in the page: a <progress> with its label) appears, and
 * its role="status" line (always in the page, empty, so that screen readers follow it) says it in words. Then:
 * - the server redirected (the form's POST/redirect/GET): the browser goes to that page, as after a plain post;
 * - it answered with a page (a refusal: its problem page, or the form again with the reason): that page replaces
 *   this one, as after a plain post;
 * - anything else (network error, a redirect to another origin such as the sign-in page): the form is posted the
 *   plain way, so the user ends where they would have without the script.
 * No inline script, no framework: the pages' Content-Security-Policy allows scripts of the portal's origin only.
 */
(function () {
  'use strict';

  if (!window.XMLHttpRequest || !window.FormData || !('upload' in new XMLHttpRequest())
      || window.entUploadProgress) {
    return;
  }
  window.entUploadProgress = true;

  /** Announces at most one step in ten, so that a screen reader is not flooded. */
  var STEP = 10;

  function init(root) {
    var forms = root.querySelectorAll('form[data-upload-progress]');
    for (var i = 0; i < forms.length; i++) {
      watch(forms[i]);
    }
  }

  function watch(form) {
    if (form.entUploadWatched) {
      return;
    }
    form.entUploadWatched = true;
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-upload-plain') === 'true') {
        form.removeAttribute('data-upload-plain');
        return; // the plain way, asked below
      }
      var box = document.getElementById(form.getAttribute('data-upload-progress'));
      var file = chosenFile(form);
      if (!box || !file) {
        return; // no file: nothing worth a progress bar, the form posts as usual
      }
      event.preventDefault();
      send(form, event.submitter || null, box, file);
    });
  }

  function chosenFile(form) {
    var inputs = form.querySelectorAll('input[type=file]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].files && inputs[i].files.length > 0) {
        return inputs[i].files[0];
      }
    }
    return null;
  }

  /**
   * The form's action as an absolute URL. Not form.action: a control named "action" (the messagerie's buttons) hides
   * that property behind itself.
   */
  function target(form) {
    return new URL(form.getAttribute('action') || '', document.baseURI).href;
  }

  function send(form, submitter, box, file) {
    var action = target(form);
    var data = new FormData(form);
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value);
    }
    var holder = box.querySelector('[data-upload-bar]') || box;
    var bar = box.querySelector('progress');
    var status = box.querySelector('[role=status]');
    var buttons = form.querySelectorAll('button, input[type=submit]');
    var announced = -STEP;

    function say(template, percent) {
      status.textContent = (template || '').replace('{name}', file.name).replace('{percent}', String(percent));
    }

    function busy(on) {
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].disabled = on;
      }
      if (on) {
        form.setAttribute('aria-busy', 'true');
      } else {
        form.removeAttribute('aria-busy');
      }
    }

    function plain() {
      busy(false);
      holder.hidden = true;
      say('', 0);
      form.setAttribute('data-upload-plain', 'true');
      if (HTMLFormElement.prototype.requestSubmit) {
        HTMLFormElement.prototype.requestSubmit.call(form, submitter || undefined);
      } else {
        HTMLFormElement.prototype.submit.call(form);
      }
    }

    var xhr = new XMLHttpRequest();
    xhr.open((form.getAttribute('method') || 'post').toUpperCase(), action);
    xhr.responseType = 'document';
    // the answer a browser's navigation gets: a page, not a problem document
    xhr.setRequestHeader('Accept', 'text/html,application/xhtml+xml');
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) {
        bar.removeAttribute('value'); // indeterminate
        return;
      }
      var percent = Math.floor(e.loaded * 100 / e.total);
      bar.value = percent;
      bar.textContent = percent + ' %';
      if (percent - announced >= STEP) {
        announced = percent - percent % STEP;
        say(box.getAttribute('data-sending'), percent);
      }
    });
    xhr.upload.addEventListener('load', function () {
      bar.value = 100;
      bar.textContent = '100 %';
      say(box.getAttribute('data-checking'), 100);
    });
    xhr.addEventListener('load', function () {
      var page = xhr.response;
      var redirected = xhr.responseURL && xhr.responseURL !== action;
      var sameOrigin = xhr.responseURL && xhr.responseURL.indexOf(window.location.origin + '/') === 0;
      if (!sameOrigin || !page || !page.documentElement || !page.querySelector('main')) {
        plain();
      } else if (xhr.status >= 200 && xhr.status < 300 && redirected) {
        say(box.getAttribute('data-done'), 100);
        window.location.assign(xhr.responseURL);
      } else {
        replaceWith(page);
      }
    });
    xhr.addEventListener('error', plain);
    xhr.addEventListener('abort', function () {
      busy(false);
      say(box.getAttribute('data-failed'), 0);
    });

    holder.hidden = false;
    bar.value = 0;
    bar.textContent = '0 %';
    say(box.getAttribute('data-sending'), 0);
    announced = 0;
    busy(true);
    xhr.send(data);
  }

  /** Shows the server's page in place of this one, as a plain post would, and watches its forms. */
  function replaceWith(page) {
    document.title = page.title;
    document.replaceChild(document.adoptNode(page.documentElement), document.documentElement);
    init(document);
    var main = document.getElementById('main');
    if (main) {
      main.setAttribute('tabindex', '-1');
      main.focus();
    }
  }

  /** Back to a page kept by the browser (back button) after an upload left it: its form is usable again. */
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    var forms = document.querySelectorAll('form[data-upload-progress][aria-busy]');
    for (var i = 0; i < forms.length; i++) {
      forms[i].removeAttribute('aria-busy');
      var buttons = forms[i].querySelectorAll('button, input[type=submit]');
      for (var j = 0; j < buttons.length; j++) {
        buttons[j].disabled = false;
      }
      var box = document.getElementById(forms[i].getAttribute('data-upload-progress'));
      if (box) {
        (box.querySelector('[data-upload-bar]') || box).hidden = true;
        box.querySelector('[role=status]').textContent = '';
      }
    }
  });

  init(document);
}());
