package se.paragraf.proceedings.allowances;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A line of a closed payroll run: an allowance paid ({@code quantity} +1) or the reversal of one
 * paid in an earlier run (-1), as a correction.
 */
@Embeddable
public class PayrollLine {

	@Column(name = "person_id", nullable = false)
	private Long personId;

	@Column(name = "person_name", nullable = false)
	private String personName;

	@Column(name = "meeting_id", nullable = false)
	private Long meetingId;

	@Column(name = "meeting_date", nullable = false)
	private LocalDate meetingDate;

	@Column(nullable = false)
	private boolean remote;

	@Column(nullable = false)
	private boolean serving;

	@Column(nullable = false)
	private int minutes;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Rate rate;

	@Column(nullable = false)
	private int quantity;

	protected PayrollLine() {
		this.personId = 0L;
		this.personName = "";
		this.meetingId = 0L;
		this.meetingDate = LocalDate.EPOCH;
		this.rate = Rate.HALF_DAY;
	}

	PayrollLine(AllowanceLine line, int quantity) {
		this.personId = line.personId();
		this.personName = line.personName();
		this.meetingId = line.meetingId();
		this.meetingDate = line.meetingDate();
		this.remote = line.remote();
		this.serving = line.serving();
		this.minutes = line.minutes();
		this.rate = line.rate();
		this.quantity = quantity;
	}

	AllowanceLine asLine() {
		return new AllowanceLine(this.personId, this.personName, this.meetingId, this.meetingDate, this.remote,
				this.serving, this.minutes, this.rate);
	}

	public Long getPersonId() {
		return this.personId;
	}

	public String getPersonName() {
		return this.personName;
	}

	public Long getMeetingId() {
		return this.meetingId;
	}

	public LocalDate getMeetingDate() {
		return this.meetingDate;
	}

	public boolean isRemote() {
		return this.remote;
	}

	public boolean isServing() {
		return this.serving;
	}

	public int getMinutes() {
		return this.minutes;
	}

	public Rate getRate() {
		return this.rate;
	}

	/** +1 paid, -1 a paid line reversed. */
	public int getQuantity() {
		return this.quantity;
	}

	public boolean isCorrection() {
		return this.quantity < 0;
	}

}
