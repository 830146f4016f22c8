// The officer report's rich-text editor (Trix, vendored in /vendor/trix). Without JavaScript the form's
// textareas are used as they are (Markdown). With it, each text gets an editor whose HTML is copied into
// its textarea on every change; the hidden field "editorFields" tells the server which texts are editor
// HTML, which it cleans and lays out (the server, not the editor, decides what is safe).
(function () {
	'use strict';
	if (!window.Trix) {
		return;
	}
	var form = document.querySelector('form[data-report-form]');
	if (!form) {
		return;
	}
	var EMBED_TYPE = 'application/vnd.paragraf.embed';
	// Swedish names for the toolbar's buttons (titles and text read by screen readers).
	var lang = {
		attachFiles: 'Bifoga filer', bold: 'Fetstil', bullets: 'Punktlista', byte: 'byte', bytes: 'byte',
		captionPlaceholder: 'Lägg till bildtext…', code: 'Kod', heading1: 'Rubrik', indent: 'Öka nivå',
		italic: 'Kursiv', link: 'Länk', numbers: 'Numrerad lista', outdent: 'Minska nivå', quote: 'Citat',
		redo: 'Gör om', remove: 'Ta bort', strike: 'Genomstruken', undo: 'Ångra', unlink: 'Ta bort länk',
		url: 'Webbadress', urlPlaceholder: 'Skriv en webbadress…'
	};
	Object.keys(lang).forEach(function (key) { Trix.config.lang[key] = lang[key]; });

	var fieldsInput = form.querySelector('input[name="editorFields"]');
	var editors = {};

	function editorFields() {
		var names = fieldsInput.value ? fieldsInput.value.split(',').filter(Boolean) : [];
		return names;
	}

	function setEditorField(name, on) {
		var names = editorFields().filter(function (n) { return n !== name; });
		if (on) {
			names.push(name);
		}
		fieldsInput.value = names.join(',');
	}

	function escapeHtml(text) {
		return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	}

	// Markdown typed while the editor was off, as plain paragraphs; the editor formats nothing it cannot read.
	function plainToHtml(text) {
		return text.split(/\n{2,}/).map(function (p) {
			return '<div>' + escapeHtml(p).replace(/\n/g, '<br>') + '</div>';
		}).join('');
	}

	function setUp(textarea) {
		var name = textarea.name;
		var html = textarea.getAttribute('data-editor-html') || '';
		if (!html && textarea.value.trim()) {
			// Never lose what the textarea holds: the editor starts from it if the server gave nothing else.
			html = /^\s*</.test(textarea.value) ? textarea.value : plainToHtml(textarea.value);
		}
		var wrapper = textarea.closest('.field');
		if (/<table/i.test(html)) {
			// Trix has no tables: this text stays source text, as it came (HTML from a Word import, or Markdown).
			var note = document.createElement('p');
			note.className = 'hint muted';
			note.textContent = form.getAttribute('data-table-note');
			wrapper.appendChild(note);
			return;
		}
		var input = document.createElement('input');
		input.type = 'hidden';
		input.id = textarea.id + '-trix-input';
		input.value = html;
		var editor = document.createElement('trix-editor');
		editor.id = textarea.id + '-editor';
		editor.setAttribute('input', input.id);
		editor.setAttribute('aria-labelledby', textarea.id + '-label');
		editor.setAttribute('aria-multiline', 'true');
		editor.className = 'report-editor';
		wrapper.appendChild(input);
		wrapper.appendChild(editor);
		var state = { textarea: textarea, editor: editor, input: input, loaded: textarea.value };
		editors[name] = state;
		editor.addEventListener('trix-initialize', function () {
			var toolbar = editor.toolbarElement;
			if (toolbar) {
				toolbar.setAttribute('role', 'toolbar');
				toolbar.setAttribute('aria-label', form.getAttribute('data-toolbar-label').replace('{0}', textarea.getAttribute('data-label')));
				toolbar.querySelectorAll('.trix-button-group--file-tools').forEach(function (g) { g.remove(); });
				toolbar.querySelectorAll('button[tabindex="-1"]').forEach(function (b) { b.removeAttribute('tabindex'); });
			}
		});
		editor.addEventListener('trix-change', function () {
			if (!textarea.hidden) {
				return;
			}
			textarea.value = input.value;
		});
		editor.addEventListener('trix-file-accept', function (event) { event.preventDefault(); });
		editor.addEventListener('focus', function () { form.setAttribute('data-last-editor', name); });
		show(state, true);
	}

	function show(state, editorOn) {
		var name = state.textarea.name;
		var toolbar = state.editor.toolbarElement;
		if (editorOn) {
			if (state.textarea.value !== state.loaded) {
				// Changed as Markdown/HTML since the editor last had it.
				var text = state.textarea.value;
				state.editor.editor.loadHTML(/^\s*</.test(text) ? text : plainToHtml(text));
				state.loaded = text;
			}
			state.textarea.hidden = true;
			state.editor.hidden = false;
			if (toolbar) { toolbar.hidden = false; }
			state.textarea.value = state.input.value;
			state.loaded = state.textarea.value;
		}
		else {
			state.textarea.hidden = false;
			state.editor.hidden = true;
			if (toolbar) { toolbar.hidden = true; }
			state.loaded = state.textarea.value;
		}
		setEditorField(name, editorOn);
	}

	form.querySelectorAll('textarea[data-richtext]').forEach(setUp);

	var switcher = form.querySelector('.editor-mode');
	if (switcher) {
		switcher.hidden = false;
		switcher.addEventListener('change', function (event) {
			var on = event.target.value === 'editor';
			Object.keys(editors).forEach(function (name) { show(editors[name], on); });
		});
	}

	// "Infoga tabell": insert the chosen live table as an attachment that saves as its embed line. The
	// menu's tables are loaded when it is opened (htmx), so its buttons are shown, and answered, as they come.
	function showEmbedButtons() {
		form.querySelectorAll('button[data-embed-token]').forEach(function (button) { button.hidden = false; });
	}
	showEmbedButtons();
	document.body.addEventListener('htmx:afterSettle', showEmbedButtons);
	form.addEventListener('click', function (event) {
		var button = event.target.closest('button[data-embed-token]');
		if (!button) {
			return;
		}
		var target = document.getElementById('embed-target');
		var name = target ? target.value : 'description';
		var token = button.getAttribute('data-embed-token');
		var label = button.getAttribute('data-embed-label');
		var state = editors[name];
		var status = document.getElementById('embed-status');
		if (state && !state.editor.hidden) {
			var content = '<span class="embed-chip">' + escapeHtml(label) + ' <code>' + escapeHtml(token) + '</code></span>';
			var attachment = new Trix.Attachment({ content: content, contentType: EMBED_TYPE, embed: token });
			var ed = state.editor.editor;
			state.editor.focus();
			// A table stands on its own, never inside a list, quote or heading.
			var inBlock = ['bullet', 'number', 'quote', 'heading1', 'code'].filter(function (a) { return ed.attributeIsActive(a); });
			if (inBlock.length) {
				ed.insertLineBreak();
				inBlock.forEach(function (a) { ed.deactivateAttribute(a); });
			}
			ed.insertAttachment(attachment);
			ed.insertLineBreak();
		}
		else {
			var textarea = form.querySelector('textarea[name="' + name + '"]');
			textarea.value = textarea.value.replace(/\s*$/, '') + '\n\n' + token + '\n';
			textarea.focus();
		}
		if (status) {
			status.textContent = form.getAttribute('data-inserted').replace('{0}', label)
				.replace('{1}', target ? target.options[target.selectedIndex].text : name);
		}
	});
})();
