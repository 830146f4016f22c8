package se.paragraf.matters;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

import se.paragraf.shared.Confidentiality;

/**
 * A matter (ärende) in a board's register. Its diary number never changes once given.
 */
@Entity
@Audited
public class Matter {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "board_id", nullable = false, updatable = false)
	private Long boardId;

	@Column(name = "diary_prefix", nullable = false, updatable = false)
	private String diaryPrefix;

	@Column(name = "diary_year", nullable = false, updatable = false)
	private int diaryYear;

	@Column(name = "diary_serial", nullable = false, updatable = false)
	private int diarySerial;

	@Column(nullable = false)
	private String title;

	@Column(name = "registered_on", nullable = false, updatable = false)
	private LocalDate registeredOn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MatterStatus status = MatterStatus.OPEN;

	@Column(name = "registered_by", nullable = false, updatable = false)
	private String registeredBy;

	@Embedded
	private Confidentiality confidentiality = Confidentiality.open();

	@Version
	private long version;

	protected Matter() {
		this.boardId = 0L;
		this.diaryPrefix = "";
		this.title = "";
		this.registeredOn = LocalDate.MIN;
		this.registeredBy = "";
	}

	Matter(Long boardId, DiaryNumber number, String title, LocalDate registeredOn, String registeredBy) {
		this.boardId = boardId;
		this.diaryPrefix = number.prefix();
		this.diaryYear = number.year();
		this.diarySerial = number.serial();
		this.title = title;
		this.registeredOn = registeredOn;
		this.registeredBy = registeredBy;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public DiaryNumber getDiaryNumber() {
		return new DiaryNumber(this.diaryPrefix, this.diaryYear, this.diarySerial);
	}

	public String getTitle() {
		return this.title;
	}

	public LocalDate getRegisteredOn() {
		return this.registeredOn;
	}

	public MatterStatus getStatus() {
		return this.status;
	}

	public String getRegisteredBy() {
		return this.registeredBy;
	}

	public Confidentiality getConfidentiality() {
		return this.confidentiality;
	}

	/** Secret under OSL: the register shows the entry with its withheld fields marked, nothing more. */
	public boolean isConfidential() {
		return this.confidentiality.isConfidential();
	}

	public long getVersion() {
		return this.version;
	}

	void retitle(String title) {
		this.title = title;
	}

	void classify(Confidentiality confidentiality) {
		this.confidentiality = confidentiality;
	}

	void moveTo(MatterStatus status) {
		this.status = status;
	}

}
