// Uploads each chosen file in its own request so every file gets a progress bar and its own answer.
(function () {
  var form = document.getElementById('upload-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var area = document.getElementById('upload-progress');
  var input = document.getElementById('files');

  function row(name) {
    var div = document.createElement('div');
    div.className = 'upload-row mb-2';
    var label = document.createElement('div');
    label.className = 'small';
    label.textContent = name + ' — ' + area.getAttribute('data-label');
    var progress = document.createElement('div');
    progress.className = 'progress';
    var bar = document.createElement('div');
    bar.className = 'progress-bar';
    bar.setAttribute('role', 'progressbar');
    bar.style.width = '0%';
    progress.appendChild(bar);
    div.appendChild(label);
    div.appendChild(progress);
    area.appendChild(div);
    return { label: label, bar: bar };
  }

  function send(file, done) {
    var ui = row(file.name);
    var data = new FormData(form);
    data.delete('files');
    data.append('files', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'application/json');
    // the token also travels as a header: a body the server refuses as too large is never read
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) xhr.setRequestHeader(header.getAttribute('content'), token.getAttribute('content'));
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) ui.bar.style.width = Math.round(100 * e.loaded / e.total) + '%';
    };
    xhr.onload = function () {
      ui.bar.style.width = '100%';
      var ok = false, message = xhr.status === 403 ? 'HTTP 403' : xhr.status + '';
      try {
        var result = JSON.parse(xhr.responseText);
        var first = Array.isArray(result) ? result[0] : result;
        ok = first.ok; message = first.message;
        if (first.id) {
          var link = document.createElement('a');
          link.href = form.action.replace(/upload$/, first.id);
          link.textContent = ' →';
          ui.label.textContent = file.name + ': ' + message;
          ui.label.appendChild(link);
        } else {
          ui.label.textContent = file.name + ': ' + message;
        }
      } catch (err) {
        ui.label.textContent = file.name + ': ' + message;
      }
      ui.bar.classList.add(ok ? 'bg-success' : 'bg-danger');
      ui.label.classList.add(ok ? 'text-success' : 'text-danger');
      done();
    };
    xhr.onerror = function () {
      ui.bar.classList.add('bg-danger');
      ui.label.classList.add('text-danger');
      done();
    };
    xhr.send(data);
  }

  form.addEventListener('submit', function (event) {
    var files = Array.prototype.slice.call(input.files || []);
    if (files.length === 0) return; // the server answers "no file chosen"
    event.preventDefault();
    area.innerHTML = '';
    var i = 0;
    (function next() { if (i < files.length) send(files[i++], next); })();
  });
})();
