// The reader: a meeting's PDFs drawn with PDF.js, page by page as they scroll into view, with the
// reader's own private notes and highlights per page, saved by fetch with the page's CSRF token.
import * as pdfjs from '/webjars/pdfjs-dist/legacy/build/pdf.min.mjs';

const root = document.getElementById('reader');
const t = root.dataset;
pdfjs.GlobalWorkerOptions.workerSrc = t.workerUrl;
const pagesEl = document.getElementById('reader-pages');
const statusEl = document.getElementById('reader-status');
const titleEl = document.getElementById('reader-title');
const token = document.querySelector('meta[name="_csrf"]');
const header = document.querySelector('meta[name="_csrf_header"]');
let notes = [];
let current = null;

function say(text) { statusEl.textContent = text; }

async function send(method, url, body) {
	const headers = { 'Accept': 'application/json' };
	if (body) { headers['Content-Type'] = 'application/json'; }
	if (token && header) { headers[header.content] = token.content; }
	const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined, credentials: 'same-origin' });
	if (!response.ok) {
		let message = t.tError;
		try {
			const problem = await response.json();
			message = problem.errors && problem.errors.length ? problem.errors.map(e => e.message).join(' ') : (problem.detail || message);
		} catch (e) { /* not JSON */ }
		throw new Error(message);
	}
	return response.status === 204 ? null : response.json();
}

function el(tag, attrs, text) {
	const node = document.createElement(tag);
	Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
	if (text !== undefined) { node.textContent = text; }
	return node;
}

function notesOn(page) { return notes.filter(n => n.document === current.key && n.page === page); }

function drawMarks(section) {
	const page = Number(section.dataset.page);
	const sheet = section.querySelector('.reader-sheet');
	sheet.querySelectorAll('.reader-mark, .reader-pin').forEach(n => n.remove());
	let pin = 0;
	notesOn(page).forEach(n => {
		if (n.kind === 'HIGHLIGHT') {
			const mark = el('div', { 'class': 'reader-mark', 'aria-hidden': 'true' });
			Object.assign(mark.style, { left: (n.x * 100) + '%', top: (n.y * 100) + '%', width: (n.width * 100) + '%', height: (n.height * 100) + '%' });
			sheet.appendChild(mark);
		} else {
			pin++;
			const mark = el('div', { 'class': 'reader-pin', 'aria-hidden': 'true' }, String(pin));
			Object.assign(mark.style, { left: (n.x * 100) + '%', top: 'calc(' + (n.y * 100) + '% + ' + ((pin - 1) * 1.6) + 'rem)' });
			sheet.appendChild(mark);
		}
	});
	const list = section.querySelector('.reader-notes');
	list.replaceChildren();
	let number = 0;
	notesOn(page).forEach(n => {
		const item = el('li', { 'data-note': n.id });
		const label = n.kind === 'HIGHLIGHT' ? t.tHighlightLabel : t.tNote + ' ' + (++number);
		item.appendChild(el('strong', {}, label + (n.body ? ': ' : '')));
		item.appendChild(el('span', { 'class': 'reader-note-body' }, n.body || ''));
		const tools = el('div', { 'class': 'reader-tools' });
		const edit = el('button', { 'type': 'button', 'class': 'secondary', 'aria-label': t.tEdit + ' ' + label.toLowerCase() }, t.tEdit);
		edit.addEventListener('click', () => editForm(section, item, n));
		const remove = el('button', { 'type': 'button', 'class': 'secondary', 'aria-label': t.tDelete + ' ' + label.toLowerCase() }, t.tDelete);
		remove.addEventListener('click', async () => {
			try {
				await send('DELETE', t.notesUrl + '/' + n.id);
				notes = notes.filter(x => x.id !== n.id);
				drawMarks(section);
				say(t.tDeleted);
			} catch (e) { say(e.message); }
		});
		tools.append(edit, remove);
		item.appendChild(tools);
		list.appendChild(item);
	});
}

function noteForm(section, initial, onSave) {
	const page = Number(section.dataset.page);
	const form = el('form', { 'class': 'reader-note-form' });
	const id = 'note-' + current.key + '-' + page + '-' + Math.random().toString(36).slice(2, 8);
	form.appendChild(el('label', { 'for': id }, t.tNote));
	const area = el('textarea', { 'id': id, 'maxlength': '4000' });
	area.value = initial || '';
	form.appendChild(area);
	const tools = el('div', { 'class': 'reader-tools' });
	const save = el('button', { 'type': 'submit' }, t.tSave);
	const cancel = el('button', { 'type': 'button', 'class': 'secondary' }, t.tCancel);
	cancel.addEventListener('click', () => { form.remove(); });
	tools.append(save, cancel);
	form.appendChild(tools);
	form.addEventListener('submit', async event => {
		event.preventDefault();
		try {
			await onSave(area.value);
			form.remove();
			say(t.tSaved);
		} catch (e) { say(e.message); area.focus(); }
	});
	return { form, area };
}

function editForm(section, item, n) {
	const { form, area } = noteForm(section, n.body, async body => {
		const saved = await send('PUT', t.notesUrl + '/' + n.id, { document: n.document, page: n.page, kind: n.kind, body,
			x: n.x, y: n.y, width: n.width, height: n.height });
		notes = notes.map(x => x.id === saved.id ? saved : x);
		drawMarks(section);
	});
	item.appendChild(form);
	area.focus();
}

function buildPage(page, pages, aspect) {
	const section = el('section', { 'class': 'reader-page', 'data-page': page, 'aria-labelledby': 'page-' + page });
	section.appendChild(el('h3', { 'id': 'page-' + page }, t.tPage.replace('{page}', page).replace('{pages}', pages)));
	const tools = el('div', { 'class': 'reader-tools' });
	const add = el('button', { 'type': 'button' }, t.tAddNote + ' ' + page);
	const mark = el('button', { 'type': 'button', 'class': 'secondary', 'aria-pressed': 'false' }, t.tHighlight + ' ' + page);
	tools.append(add, mark);
	section.appendChild(tools);
	section.appendChild(el('ul', { 'class': 'reader-notes' }));
	const sheet = el('div', { 'class': 'reader-sheet' });
	sheet.style.aspectRatio = aspect;
	section.appendChild(sheet);
	add.addEventListener('click', () => {
		const { form, area } = noteForm(section, '', async body => {
			const saved = await send('POST', t.notesUrl, { document: current.key, page, kind: 'NOTE', body, x: 0.02, y: 0.02 });
			notes.push(saved);
			drawMarks(section);
		});
		section.insertBefore(form, section.querySelector('.reader-notes'));
		area.focus();
	});
	mark.addEventListener('click', () => {
		const on = mark.getAttribute('aria-pressed') !== 'true';
		mark.setAttribute('aria-pressed', String(on));
		sheet.classList.toggle('marking', on);
		if (on) { say(t.tHighlightOn); }
	});
	let start = null;
	let box = null;
	const point = event => {
		const r = sheet.getBoundingClientRect();
		return { x: Math.min(1, Math.max(0, (event.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (event.clientY - r.top) / r.height)) };
	};
	sheet.addEventListener('pointerdown', event => {
		if (!sheet.classList.contains('marking')) { return; }
		start = point(event);
		box = el('div', { 'class': 'reader-mark', 'aria-hidden': 'true' });
		sheet.appendChild(box);
		sheet.setPointerCapture(event.pointerId);
	});
	sheet.addEventListener('pointermove', event => {
		if (!start) { return; }
		const p = point(event);
		Object.assign(box.style, { left: Math.min(p.x, start.x) * 100 + '%', top: Math.min(p.y, start.y) * 100 + '%',
			width: Math.abs(p.x - start.x) * 100 + '%', height: Math.abs(p.y - start.y) * 100 + '%' });
	});
	sheet.addEventListener('pointerup', async event => {
		if (!start) { return; }
		const p = point(event);
		const area = { x: Math.min(p.x, start.x), y: Math.min(p.y, start.y), width: Math.abs(p.x - start.x), height: Math.abs(p.y - start.y) };
		start = null;
		box.remove();
		if (area.width < 0.01 || area.height < 0.01) { return; }
		try {
			const saved = await send('POST', t.notesUrl, Object.assign({ document: current.key, page, kind: 'HIGHLIGHT' }, area));
			notes.push(saved);
			drawMarks(section);
			say(t.tSaved);
		} catch (e) { say(e.message); }
	});
	return section;
}

async function renderPage(pdf, section) {
	if (section.dataset.rendered) { return; }
	section.dataset.rendered = 'true';
	const page = await pdf.getPage(Number(section.dataset.page));
	const sheet = section.querySelector('.reader-sheet');
	const base = page.getViewport({ scale: 1 });
	const scale = Math.max(1, (sheet.clientWidth || base.width) * (window.devicePixelRatio || 1) / base.width);
	const viewport = page.getViewport({ scale });
	const canvas = el('canvas', { 'role': 'img', 'aria-label': section.querySelector('h3').textContent });
	canvas.width = Math.floor(viewport.width);
	canvas.height = Math.floor(viewport.height);
	sheet.prepend(canvas);
	await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
	section.dataset.drawn = 'true';
}

async function load(link) {
	current = { key: link.dataset.document, url: link.dataset.url };
	document.querySelectorAll('.reader-documents a[data-document]').forEach(a => a.removeAttribute('aria-current'));
	link.setAttribute('aria-current', 'true');
	titleEl.textContent = link.textContent;
	pagesEl.replaceChildren();
	say(t.tLoading);
	try {
		const pdf = await pdfjs.getDocument({ url: current.url, isEvalSupported: false, standardFontDataUrl: t.fontsUrl, withCredentials: true }).promise;
		const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
		const aspect = first.width + ' / ' + first.height;
		const observer = new IntersectionObserver(entries => entries.filter(e => e.isIntersecting)
			.forEach(e => renderPage(pdf, e.target)), { rootMargin: '600px 0px' });
		for (let page = 1; page <= pdf.numPages; page++) {
			const section = buildPage(page, pdf.numPages, aspect);
			pagesEl.appendChild(section);
			drawMarks(section);
			observer.observe(section);
		}
		say('');
	} catch (e) {
		say(t.tFailed);
	}
}

(async function start() {
	try {
		notes = await send('GET', t.notesUrl);
	} catch (e) {
		notes = [];
		say(e.message);
	}
	const links = document.querySelectorAll('.reader-documents a[data-document]');
	links.forEach(a => a.addEventListener('click', event => { event.preventDefault(); history.replaceState(null, '', '#' + a.dataset.document); load(a); }));
	const wanted = location.hash ? document.querySelector('.reader-documents a[data-document="' + location.hash.slice(1) + '"]') : null;
	if (wanted || links.length) { load(wanted || links[0]); }
}());
