package se.paragraf.matters;

/**
 * The first bytes of each accepted file type, so a renamed executable is not stored as a PDF.
 */
final class FileSignatures {

	private FileSignatures() {
	}

	static boolean matches(String contentType, byte[] head) {
		return switch (contentType) {
			case "application/pdf" -> startsWith(head, '%', 'P', 'D', 'F');
			case "image/png" -> startsWith(head, 0x89, 'P', 'N', 'G');
			case "image/jpeg" -> startsWith(head, 0xFF, 0xD8, 0xFF);
			// DOCX and XLSX are ZIP containers.
			default -> startsWith(head, 'P', 'K', 3, 4);
		};
	}

	private static boolean startsWith(byte[] head, int... expected) {
		if (head.length < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((head[i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
