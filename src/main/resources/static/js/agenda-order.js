// Drag and drop on the agenda (SortableJS): a dropped row sends the new order through the agenda's
// order form, which htmx posts; the server answers with the agenda as saved (or says why not).
// The up and down buttons in each row do the same without a mouse, and without script.
(function () {
	function init() {
		var rows = document.getElementById('agenda-rows');
		var form = document.getElementById('agenda-order-form');
		if (!rows || !form || typeof Sortable === 'undefined' || rows.dataset.sortable) {
			return;
		}
		rows.dataset.sortable = 'true';
		Sortable.create(rows, {
			handle: '.drag-handle',
			filter: '.fixed',
			draggable: 'tr',
			animation: 150,
			onMove: function (event) {
				// The standing items open the agenda; nothing goes above them.
				return !event.related.classList.contains('fixed');
			},
			onEnd: function (event) {
				if (event.oldIndex === event.newIndex) {
					return;
				}
				form.querySelectorAll('input[name=itemIds]').forEach(function (input) { input.remove(); });
				rows.querySelectorAll('tr[data-item-id]').forEach(function (row) {
					var input = document.createElement('input');
					input.type = 'hidden';
					input.name = 'itemIds';
					input.value = row.dataset.itemId;
					form.appendChild(input);
				});
				form.requestSubmit();
			}
		});
	}
	document.addEventListener('DOMContentLoaded', init);
	document.addEventListener('htmx:afterSettle', init);
})();
