package se.paragraf.meetings.web;

/**
 * The public addresses of published notices: the newest version, and each version for ever.
 */
final class PublicLinks {

	private PublicLinks() {
	}

	static String notice(Long meetingId) {
		return "/public/meetings/" + meetingId + "/notice";
	}

	static String noticePdf(Long meetingId) {
		return "/public/meetings/" + meetingId + "/notice.pdf";
	}

	static String notice(Long meetingId, int version) {
		return "/public/meetings/" + meetingId + "/notices/" + version;
	}

	static String noticePdf(Long meetingId, int version) {
		return "/public/meetings/" + meetingId + "/notices/" + version + ".pdf";
	}

}
