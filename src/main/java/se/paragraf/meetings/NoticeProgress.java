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

	/**
	 * The progress of the two variants composed side by side, told to one listener as one: the
	 * items and pages of both added up, and the step of the one that is behind. The listener
	 * hears at once that the official variant is under way.
	 */
	final class Both {

		private final NoticeProgress target;

		private final Step[] steps = { Step.READING, Step.READING };

		private final int[][] counts = new int[2][4];

		Both(NoticeProgress target) {
			this.target = target.official();
		}

		/** The public variant's progress. */
		NoticeProgress first() {
			return part(0);
		}

		/** The official variant's progress. */
		NoticeProgress second() {
			return part(1);
		}

		private NoticeProgress part(int index) {
			return new NoticeProgress() {

				@Override
				public void step(Step step) {
					synchronized (Both.this) {
						Both.this.steps[index] = step;
						Step behind = Both.this.steps[0].compareTo(Both.this.steps[1]) <= 0 ? Both.this.steps[0]
								: Both.this.steps[1];
						Both.this.target.step(behind);
					}
				}

				@Override
				public void rendering(int items, int of, int pages, int estimatedPages) {
					synchronized (Both.this) {
						int[] own = Both.this.counts[index];
						own[0] = items;
						own[1] = of;
						own[2] = pages;
						own[3] = estimatedPages;
						int[] other = Both.this.counts[1 - index];
						// Until the other variant has counted its items, the total is not known.
						int total = other[1] == 0 ? 0 : own[1] + other[1];
						Both.this.target.rendering(own[0] + other[0], total, own[2] + other[2],
								other[3] == 0 || own[3] == 0 ? 0 : own[3] + other[3]);
					}
				}

			};
		}

	}

}
