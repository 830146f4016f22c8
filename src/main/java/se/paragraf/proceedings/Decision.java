package se.paragraf.proceedings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.Confidentiality;

/**
 * What the board did with one agenda item: the proposals, the vote, the outcome and its text, the
 * dissents and the conflicts of interest. It becomes a numbered section (§) of the minutes.
 */
@Entity
@Table(name = "decision")
public class Decision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "agenda_item_id", nullable = false, updatable = false)
	private Long agendaItemId;

	@Enumerated(EnumType.STRING)
	private @Nullable DecisionOutcome outcome;

	@Column(name = "decision_text")
	private @Nullable String text;

	/** Why the matter was remitted back (återremiss). */
	private @Nullable String reason;

	@Column(name = "referred_meeting_id")
	private @Nullable Long referredMeetingId;

	@Convert(converter = JsonConverters.Proposals.class)
	@Column(nullable = false)
	private List<Proposal> proposals = new ArrayList<>();

	/** How the chair put the proposals (propositionsordning), as the minutes say it. */
	@Column(name = "proposition_order")
	private @Nullable String propositionOrder;

	@Convert(converter = JsonConverters.Votes.class)
	@Column(nullable = false)
	private List<Vote> votes = new ArrayList<>();

	@Convert(converter = JsonConverters.Dissents.class)
	@Column(nullable = false)
	private List<Dissent> dissents = new ArrayList<>();

	@Convert(converter = JsonConverters.Ids.class)
	@Column(nullable = false)
	private List<Long> conflicts = new ArrayList<>();

	@Column(name = "section_number")
	private @Nullable Integer sectionNumber;

	@Column(name = "immediately_certified", nullable = false)
	private boolean immediatelyCertified;

	/**
	 * The section's own secrecy mark. A section on a secret item is secret whatever this says; see
	 * {@link MeetingConduct#confidentialityOf(Meeting, AgendaItem)}.
	 */
	@Embedded
	private Confidentiality confidentiality = Confidentiality.open();

	protected Decision() {
		this.agendaItemId = 0L;
	}

	Decision(Long agendaItemId) {
		this.agendaItemId = agendaItemId;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getAgendaItemId() {
		return this.agendaItemId;
	}

	public @Nullable DecisionOutcome getOutcome() {
		return this.outcome;
	}

	public boolean isRecorded() {
		return this.outcome != null;
	}

	public @Nullable String getText() {
		return this.text;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public @Nullable Long getReferredMeetingId() {
		return this.referredMeetingId;
	}

	public List<Proposal> getProposals() {
		return List.copyOf(this.proposals);
	}

	public @Nullable String getPropositionOrder() {
		return this.propositionOrder;
	}

	public List<Vote> getVotes() {
		return List.copyOf(this.votes);
	}

	public VoteResult getVoteResult() {
		return VoteResult.of(this.votes);
	}

	public List<Dissent> getDissents() {
		return List.copyOf(this.dissents);
	}

	public List<Long> getConflicts() {
		return List.copyOf(this.conflicts);
	}

	public @Nullable Integer getSectionNumber() {
		return this.sectionNumber;
	}

	public boolean isImmediatelyCertified() {
		return this.immediatelyCertified;
	}

	/** The section's own mark, not counting the item's. */
	public Confidentiality getConfidentiality() {
		return this.confidentiality;
	}

	void classify(Confidentiality confidentiality) {
		this.confidentiality = confidentiality;
	}

	void record(DecisionOutcome outcome, String text, @Nullable String reason, @Nullable Long referredMeetingId,
			List<Proposal> proposals, @Nullable String propositionOrder, List<Vote> votes) {
		this.outcome = outcome;
		this.text = text;
		this.reason = reason;
		this.referredMeetingId = referredMeetingId;
		this.proposals = new ArrayList<>(proposals);
		this.propositionOrder = propositionOrder;
		this.votes = new ArrayList<>(votes);
	}

	void conflicts(List<Long> personIds) {
		this.conflicts = new ArrayList<>(personIds.stream().distinct().toList());
	}

	void dissent(Dissent dissent) {
		List<Dissent> next = new ArrayList<>(this.dissents.stream()
			.filter(d -> !d.personId().equals(dissent.personId()))
			.toList());
		next.add(dissent);
		this.dissents = next;
	}

	void withdrawDissent(Long personId) {
		this.dissents = new ArrayList<>(this.dissents.stream().filter(d -> !d.personId().equals(personId)).toList());
	}

	void number(int sectionNumber) {
		this.sectionNumber = sectionNumber;
	}

	void certifyImmediately() {
		this.immediatelyCertified = true;
	}

}
