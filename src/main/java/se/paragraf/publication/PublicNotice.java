package se.paragraf.publication;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * The announcement (anslag) on one municipality's notice board that a board's minutes were
 * certified: board, meeting date, certification date, posting and take-down dates, where the
 * minutes are kept and how to appeal.
 */
@Entity
@Table(name = "public_notice")
public class PublicNotice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(name = "minutes_id", nullable = false, updatable = false)
	private Long minutesId;

	@Column(name = "minutes_version", nullable = false, updatable = false)
	private int minutesVersion;

	@Column(name = "board_id", nullable = false, updatable = false)
	private Long boardId;

	@Column(name = "board_name", nullable = false, updatable = false)
	private String boardName;

	@Column(name = "municipality_id", nullable = false, updatable = false)
	private Long municipalityId;

	@Column(name = "municipality_name", nullable = false, updatable = false)
	private String municipalityName;

	@Column(name = "meeting_date", nullable = false, updatable = false)
	private LocalDate meetingDate;

	@Column(name = "certified_on", nullable = false, updatable = false)
	private LocalDate certifiedOn;

	@Column(name = "section_range", nullable = false, updatable = false)
	private String sectionRange;

	@Column(name = "due_by", nullable = false, updatable = false)
	private LocalDate dueBy;

	@Column(name = "posted_on")
	private @Nullable LocalDate postedOn;

	@Column(name = "take_down_on")
	private @Nullable LocalDate takeDownOn;

	@Column(name = "appeal_ends_on")
	private @Nullable LocalDate appealEndsOn;

	@Column(name = "kept_at", nullable = false)
	private String keptAt;

	@Version
	private long version;

	protected PublicNotice() {
		this.meetingId = 0L;
		this.minutesId = 0L;
		this.boardId = 0L;
		this.boardName = "";
		this.municipalityId = 0L;
		this.municipalityName = "";
		this.meetingDate = LocalDate.MIN;
		this.certifiedOn = LocalDate.MIN;
		this.sectionRange = "";
		this.dueBy = LocalDate.MIN;
		this.keptAt = "";
	}

	PublicNotice(Long meetingId, Long minutesId, int minutesVersion, Long boardId, String boardName, Long municipalityId,
			String municipalityName, LocalDate meetingDate, LocalDate certifiedOn, String sectionRange, String keptAt) {
		this.meetingId = meetingId;
		this.minutesId = minutesId;
		this.minutesVersion = minutesVersion;
		this.boardId = boardId;
		this.boardName = boardName;
		this.municipalityId = municipalityId;
		this.municipalityName = municipalityName;
		this.meetingDate = meetingDate;
		this.certifiedOn = certifiedOn;
		this.sectionRange = sectionRange;
		this.dueBy = AppealPeriod.postingDueBy(certifiedOn);
		this.keptAt = keptAt;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMeetingId() {
		return this.meetingId;
	}

	public Long getMinutesId() {
		return this.minutesId;
	}

	public int getMinutesVersion() {
		return this.minutesVersion;
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public String getBoardName() {
		return this.boardName;
	}

	public Long getMunicipalityId() {
		return this.municipalityId;
	}

	public String getMunicipalityName() {
		return this.municipalityName;
	}

	public LocalDate getMeetingDate() {
		return this.meetingDate;
	}

	public LocalDate getCertifiedOn() {
		return this.certifiedOn;
	}

	public String getSectionRange() {
		return this.sectionRange;
	}

	public LocalDate getDueBy() {
		return this.dueBy;
	}

	public @Nullable LocalDate getPostedOn() {
		return this.postedOn;
	}

	public boolean isPosted() {
		return this.postedOn != null;
	}

	public @Nullable LocalDate getTakeDownOn() {
		return this.takeDownOn;
	}

	public @Nullable LocalDate getAppealEndsOn() {
		return this.appealEndsOn;
	}

	public String getKeptAt() {
		return this.keptAt;
	}

	public long getVersion() {
		return this.version;
	}

	/** Not posted although the second day after certification has passed. */
	public boolean isOverdue(LocalDate today) {
		return this.postedOn == null && today.isAfter(this.dueBy);
	}

	/** On the board on the given day: posted and not yet due to come down. */
	public boolean isUpOn(LocalDate day) {
		return this.postedOn != null && !day.isBefore(this.postedOn)
				&& (this.takeDownOn == null || day.isBefore(this.takeDownOn));
	}

	void post(LocalDate on) {
		this.postedOn = on;
	}

	/** The appeal period runs from the last posting of all partner municipalities. */
	void appealEnds(@Nullable LocalDate appealEndsOn) {
		this.appealEndsOn = appealEndsOn;
		this.takeDownOn = appealEndsOn == null ? null : AppealPeriod.takeDownOn(appealEndsOn);
	}

}
