// Anvil dashboard: small enhancements over pages that work without script. Text from the server is put into the page
// only as text (textContent) or as copies of elements the server rendered and escaped: never through innerHTML.
(function () {
  'use strict';

  // ---- document page: a click on a highlight shows the records of the span under it
  function showRecords(link) {
    var panel = document.getElementById('detail');
    if (!panel) { return; }
    document.querySelectorAll('a.hl.active').forEach(function (a) { a.classList.remove('active'); });
    var ids = (link.getAttribute('data-r') || '').split(' ').filter(Boolean);
    document.querySelectorAll('a.hl').forEach(function (a) {
      if ((a.getAttribute('data-r') || '').split(' ').indexOf(ids[0]) >= 0) { a.classList.add('active'); }
    });
    panel.replaceChildren();
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.setAttribute('aria-label', 'close');
    close.addEventListener('click', function () { panel.classList.remove('open'); });
    panel.appendChild(close);
    ids.forEach(function (id) {
      var record = document.getElementById(id);
      if (record) {
        var copy = record.cloneNode(true);
        copy.removeAttribute('id');
        copy.setAttribute('data-record', id);
        panel.appendChild(copy);
      }
    });
    panel.classList.add('open');
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.hl') : null;
    if (link) {
      event.preventDefault();
      showRecords(link);
    }
  });

  // a link to a fact (/documents/x#r-f12) shows it in the text as well
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^r-[fer]\d+$/.test(id)) { return; }
    var first = null;
    document.querySelectorAll('a.hl').forEach(function (a) {
      if ((a.getAttribute('data-r') || '').split(' ').indexOf(id) >= 0 && !first) { first = a; }
    });
    if (first) {
      showRecords(first);
      first.scrollIntoView({ block: 'center' });
    }
  }

  // ---- upload page: send with progress, then follow the ingest until it is done
  function upload(form) {
    var box = document.getElementById('upload-progress');
    var bar = box.querySelector('progress');
    var status = box.querySelector('.status');
    var results = box.querySelector('.results');
    var files = form.querySelector('input[type=file]').files;
    var maxBytes = Number(form.getAttribute('data-max-bytes'));
    var maxFiles = Number(form.getAttribute('data-max-files'));
    var total = 0;
    for (var i = 0; i < files.length; i++) { total += files[i].size; }
    box.hidden = false;
    results.replaceChildren();
    if (files.length > maxFiles || total > maxBytes) {
      status.textContent = 'Too much at once: at most ' + maxFiles + ' files and ' + (maxBytes / 1e6) + ' MB.';
      return;
    }
    var request = new XMLHttpRequest();
    request.open('POST', '/api/upload');
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.max = 100;
        bar.value = Math.round(e.loaded / e.total * 50);
        status.textContent = 'Sending: ' + Math.round(e.loaded / e.total * 100) + '%';
      }
    });
    request.addEventListener('load', function () {
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (e) { body = null; }
      if (request.status !== 202 || !body) {
        status.textContent = body && body.message ? body.code + ': ' + body.message : 'The upload was refused (' + request.status + ').';
        status.className = 'status error';
        return;
      }
      follow(body.id, bar, status, results);
    });
    request.addEventListener('error', function () { status.textContent = 'The upload could not be sent.'; });
    request.send(new FormData(form));
  }

  function follow(id, bar, status, results) {
    fetch('/api/upload/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        bar.max = 100;
        bar.value = 50 + (s.files ? Math.round(s.done / s.files * 50) : 0);
        if (s.state === 'queued' || s.state === 'running') {
          status.textContent = 'Reading and extracting: ' + s.done + ' of ' + s.files + ' file(s)…';
          setTimeout(function () { follow(id, bar, status, results); }, 400);
          return;
        }
        bar.value = 100;
        status.textContent = s.state === 'failed' ? 'The upload failed: ' + s.message
          : 'Done: ' + s.added + ' new document(s), ' + s.already_stored + ' already stored, ' + s.failures.length + ' failed.';
        status.setAttribute('data-state', s.state);
        s.documents.forEach(function (key) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = '/documents/' + encodeURIComponent(key);
          a.textContent = key;
          li.appendChild(a);
          results.appendChild(li);
        });
        s.failures.forEach(function (f) {
          var li = document.createElement('li');
          li.className = 'error';
          li.textContent = f.code + ': ' + f.message;
          results.appendChild(li);
        });
      })
      .catch(function () { status.textContent = 'Lost track of the upload; see /upload/' + id; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    fromHash();
    window.addEventListener('hashchange', fromHash);
    var job = document.querySelector('.progress[data-job]');
    if (job && /^(queued|running)$/.test(job.getAttribute('data-state') || '')) {
      follow(job.getAttribute('data-job'), job.querySelector('progress'), job.querySelector('.status'), job.querySelector('.results'));
    }
    var form = document.getElementById('upload');
    if (form && window.FormData && window.XMLHttpRequest) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        upload(form);
      });
    }
  });
})();
