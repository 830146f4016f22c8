package se.paragraf.meetings;

/**
 * How far the composition of a notice has come, for the secretary watching a large agenda being
 * published. Called from the rendering threads as well as the publishing one.
 */
interface NoticeProgress {

	NoticeProgress NONE = new NoticeProgress() {
	};

	/** What the publication does now. */
	enum Step {

		/** Reading the agenda, the reports and the attachments. */
		READING,

		/** Rendering the items' pages. */
		RENDERING,

		/** The cover with the page ranges, merging the parts, numbering the pages. */
		ASSEMBLING,

		/** Storing the files and the new version. */
		SAVING

	}

	/** The same progress for the composition of the official variant, after the public one. */
	default NoticeProgress official() {
		return this;
	}

	default void step(Step step) {
	}

	/**
	 * {@code items} of {@code of} items rendered: {@code pages} pages so far (with their PDF
	 * attachments), of about {@code estimatedPages} in all.
	 */
	default void rendering(int items, int of, int pages, int estimatedPages) {
	}

}
