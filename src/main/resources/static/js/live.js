// The live meeting room: listens to the room's server-sent events and swaps in the state each one
// carries. The browser reconnects by itself and sends the id of the last event it saw, so the server
// answers with the current state if anything was missed; a page that slept reconnects when shown.
(function () {
	var room = document.getElementById('live-room');
	if (!room || !window.EventSource) {
		return;
	}
	var status = document.getElementById('live-status');
	var problems = document.getElementById('htmx-status');
	var source = null;

	function say(key) {
		if (status) {
			status.textContent = status.getAttribute('data-' + key) || '';
		}
	}

	function swap(html) {
		var current = document.getElementById('live-state');
		var holder = document.createElement('div');
		holder.innerHTML = html;
		var next = holder.querySelector('#live-state');
		if (!current || !next) {
			return;
		}
		current.replaceWith(next);
		if (window.htmx) {
			window.htmx.process(next);
		}
		room.setAttribute('data-sequence', next.getAttribute('data-sequence') || '');
	}

	function connect() {
		if (source) {
			source.close();
		}
		say('connecting');
		source = new EventSource(room.getAttribute('data-events'));
		source.addEventListener('open', function () {
			say('connected');
		});
		source.addEventListener('state', function (event) {
			swap(event.data);
		});
		source.addEventListener('error', function () {
			say('lost');
		});
	}

	connect();
	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'visible' && (!source || source.readyState === EventSource.CLOSED)) {
			connect();
		}
	});
	window.setInterval(function () {
		if (source && source.readyState === EventSource.CLOSED) {
			connect();
		}
	}, 5000);

	// A refused action says why, in the server's words (problem+json); a successful one clears it.
	// The answer is heard on the element that sent the request: a state pushed while the request is
	// under way replaces that element, and htmx then reports the answer on the detached element,
	// from where it no longer bubbles up to the document.
	document.addEventListener('htmx:beforeRequest', function (event) {
		event.target.addEventListener('htmx:afterRequest', function (answer) {
			if (!problems || answer.target !== event.target) {
				return;
			}
			if (answer.detail.successful) {
				problems.textContent = '';
				return;
			}
			var detail = null;
			try {
				detail = JSON.parse(answer.detail.xhr.responseText).detail;
			}
			catch (e) {
				detail = null;
			}
			if (detail) {
				problems.textContent = detail;
			}
		}, { once: true });
	});
})();
