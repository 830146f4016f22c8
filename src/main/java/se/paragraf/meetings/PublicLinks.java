package se.paragraf.meetings;

/**
 * The public addresses of published notices: the newest version, and each version for ever.
 */
public final class PublicLinks {

	private PublicLinks() {
	}

	public static String notice(Long meetingId) {
		return "/public/meetings/" + meetingId + "/notice";
	}

	public static String noticePdf(Long meetingId) {
		return "/public/meetings/" + meetingId + "/notice.pdf";
	}

	public static String notice(Long meetingId, int version) {
		return "/public/meetings/" + meetingId + "/notices/" + version;
	}

	public static String noticePdf(Long meetingId, int version) {
		return "/public/meetings/" + meetingId + "/notices/" + version + ".pdf";
	}

}
