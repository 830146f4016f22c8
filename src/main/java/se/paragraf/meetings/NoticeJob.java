package se.paragraf.meetings;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The publication of one notice, running in the background: how far it has come, and how it ended
 * (the version published, or why nothing was). Written by the publishing and rendering threads,
 * read by whoever polls.
 */
public final class NoticeJob implements NoticeProgress {

	/** Where a job stands. */
	public enum State {

		RUNNING, DONE, FAILED

	}

	private final String id = UUID.randomUUID().toString();

	private final Long meetingId;

	private final long meetingVersion;

	private final Instant started;

	private volatile State state = State.RUNNING;

	private volatile Step step = Step.READING;

	private volatile boolean official;

	private volatile int items;

	private volatile int itemsOf;

	private volatile int pages;

	private volatile int estimatedPages;

	private volatile @Nullable Integer version;

	private volatile boolean unchanged;

	private volatile @Nullable String errorCode;

	private volatile Object[] errorArguments = {};

	NoticeJob(Long meetingId, long meetingVersion, Instant started) {
		this.meetingId = meetingId;
		this.meetingVersion = meetingVersion;
		this.started = started;
	}

	@Override
	public NoticeProgress official() {
		this.official = true;
		return this;
	}

	@Override
	public void step(Step step) {
		this.step = step;
	}

	@Override
	public synchronized void rendering(int items, int of, int pages, int estimatedPages) {
		// Items finish out of order on several threads: never let the count go backwards.
		if (items >= this.items || of != this.itemsOf) {
			this.items = items;
			this.itemsOf = of;
			this.pages = pages;
			this.estimatedPages = estimatedPages;
		}
	}

	void done(int version, boolean unchanged) {
		this.version = version;
		this.unchanged = unchanged;
		this.state = State.DONE;
	}

	void failed(String code, Object... arguments) {
		this.errorCode = code;
		this.errorArguments = arguments;
		this.state = State.FAILED;
	}

	public String getId() {
		return this.id;
	}

	public Long getMeetingId() {
		return this.meetingId;
	}

	/** The meeting version the publication was asked for; one job per meeting version. */
	public long getMeetingVersion() {
		return this.meetingVersion;
	}

	public Instant getStarted() {
		return this.started;
	}

	public State getState() {
		return this.state;
	}

	public boolean isRunning() {
		return this.state == State.RUNNING;
	}

	/** The message code of the step under way ("notice.job.step.rendering"). */
	public String getStepCode() {
		return "notice.job.step." + this.step.name().toLowerCase(Locale.ROOT);
	}

	/** The step under way, as the API names it ("RENDERING"). */
	public String getStep() {
		return this.step.name();
	}

	/** Whether the complete, official variant is being composed too (beside the public one; the counts are of both). */
	public boolean isOfficial() {
		return this.official;
	}

	public int getItems() {
		return this.items;
	}

	public int getItemsOf() {
		return this.itemsOf;
	}

	public int getPages() {
		return this.pages;
	}

	/** About how many pages the notice will have; 0 until the first item is rendered. */
	public int getEstimatedPages() {
		return this.estimatedPages;
	}

	/** The version published, once done. */
	public @Nullable Integer getVersion() {
		return this.version;
	}

	/** Whether the notice had not changed since its newest version, so no new version was made. */
	public boolean isUnchanged() {
		return this.unchanged;
	}

	/** The message code saying why nothing was published, once failed. */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	public Object[] getErrorArguments() {
		return this.errorArguments.clone();
	}

}
