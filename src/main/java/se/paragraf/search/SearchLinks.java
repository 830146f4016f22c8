package se.paragraf.search;

/**
 * Where a public hit leads, for the kinds whose public page another module serves.
 */
final class SearchLinks {

	private SearchLinks() {
	}

	/** The public register's page of a matter (the portal's e-diarium). */
	static String publicMatter(Long matterId) {
		return "/public/matters/" + matterId;
	}

}
