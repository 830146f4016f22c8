package se.paragraf.meetings;

/**
 * The internal addresses of the official, complete documents of a meeting: its notices and its
 * minutes as members and staff read them, secret content included. Never linked from a public page.
 */
public final class OfficialLinks {

	private OfficialLinks() {
	}

	public static String notice(Long meetingId) {
		return "/meetings/" + meetingId + "/official/notice";
	}

	public static String noticePdf(Long meetingId) {
		return "/meetings/" + meetingId + "/official/notice.pdf";
	}

	public static String notice(Long meetingId, int version) {
		return "/meetings/" + meetingId + "/official/notices/" + version;
	}

	public static String noticePdf(Long meetingId, int version) {
		return "/meetings/" + meetingId + "/official/notices/" + version + ".pdf";
	}

	public static String minutes(Long meetingId, int version) {
		return "/meetings/" + meetingId + "/official/minutes/" + version;
	}

	public static String minutesPdf(Long meetingId, int version) {
		return "/meetings/" + meetingId + "/official/minutes/" + version + ".pdf";
	}

	/** Where the official notice links a file attachment, the secret ones included. */
	public static String attachmentBase(Long meetingId) {
		return "/meetings/" + meetingId + "/official/attachments/";
	}

}
