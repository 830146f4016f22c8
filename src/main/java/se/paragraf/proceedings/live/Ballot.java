package se.paragraf.proceedings.live;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import se.paragraf.proceedings.VoteChoice;

/**
 * One serving member's vote in a live vote, cast from her own device. One per person and vote: a
 * second cast while the vote is open changes her choice, it never counts twice.
 */
@Entity
@Table(name = "ballot")
class Ballot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "vote_id", nullable = false, updatable = false)
	private Long voteId;

	@Column(name = "person_id", nullable = false, updatable = false)
	private Long personId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private VoteChoice choice;

	@Column(name = "cast_at", nullable = false)
	private LocalDateTime castAt;

	protected Ballot() {
		this.voteId = 0L;
		this.personId = 0L;
		this.choice = VoteChoice.ABSTAIN;
		this.castAt = LocalDateTime.MIN;
	}

	Ballot(Long voteId, Long personId, VoteChoice choice, LocalDateTime at) {
		this.voteId = voteId;
		this.personId = personId;
		this.choice = choice;
		this.castAt = at;
	}

	Long getPersonId() {
		return this.personId;
	}

	VoteChoice getChoice() {
		return this.choice;
	}

	void change(VoteChoice choice, LocalDateTime at) {
		this.choice = choice;
		this.castAt = at;
	}

}
