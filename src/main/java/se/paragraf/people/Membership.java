package se.paragraf.people;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A person's assignment (uppdrag) on a board: role and term.
 */
@Entity
public class Membership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "person_id", nullable = false)
	private Long personId;

	@Column(name = "board_id", nullable = false)
	private Long boardId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MembershipRole role;

	@Column(name = "term_start", nullable = false)
	private LocalDate termStart;

	@Column(name = "term_end", nullable = false)
	private LocalDate termEnd;

	@Version
	private long version;

	protected Membership() {
		this.personId = 0L;
		this.boardId = 0L;
		this.role = MembershipRole.MEMBER;
		this.termStart = LocalDate.MIN;
		this.termEnd = LocalDate.MIN;
	}

	public Membership(Long personId, Long boardId, MembershipRole role, LocalDate termStart, LocalDate termEnd) {
		this.personId = personId;
		this.boardId = boardId;
		this.role = role;
		this.termStart = termStart;
		this.termEnd = termEnd;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getPersonId() {
		return this.personId;
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public MembershipRole getRole() {
		return this.role;
	}

	public LocalDate getTermStart() {
		return this.termStart;
	}

	public LocalDate getTermEnd() {
		return this.termEnd;
	}

	public boolean isActiveOn(LocalDate day) {
		return !day.isBefore(this.termStart) && !day.isAfter(this.termEnd);
	}

}
