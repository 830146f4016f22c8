// Sends the CSRF token with every htmx request; the token comes from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
	var token = document.querySelector('meta[name="_csrf"]');
	var header = document.querySelector('meta[name="_csrf_header"]');
	if (token && header) {
		event.detail.headers[header.content] = token.content;
	}
});
// htmx 2 does not swap error responses; show the server's message instead of failing silently.
document.addEventListener('htmx:responseError', function (event) {
	var status = event.detail.xhr.status;
	var message = status === 409
		? 'Någon annan har ändrat detta under tiden. Ladda om sidan och gör ändringen igen.'
		: 'Det gick inte att spara (' + status + ').';
	var region = document.getElementById('htmx-status');
	if (region) {
		region.textContent = message;
	}
});
