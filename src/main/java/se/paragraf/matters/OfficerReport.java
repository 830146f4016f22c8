package se.paragraf.matters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * The officer report (tjänsteskrivelse) of a matter: the written basis for the board's decision.
 * Texts are Markdown (or sanitised HTML) and may embed live tables.
 */
@Entity
@Audited
@Table(name = "officer_report")
public class OfficerReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "matter_id", nullable = false, unique = true, updatable = false)
	private Long matterId;

	/** The report's own heading; the matter's title when empty. */
	@Column(nullable = false)
	private String heading = "";

	@Enumerated(EnumType.STRING)
	@Column(name = "proposal_kind", nullable = false)
	private ProposalKind proposalKind = ProposalKind.ADMINISTRATION_PROPOSAL;

	@Convert(converter = JsonListConverters.Texts.class)
	@Column(name = "proposed_resolution", nullable = false)
	private List<String> proposedResolution = new ArrayList<>();

	@Column(nullable = false)
	private String summary = "";

	@Column(nullable = false)
	private String description = "";

	@Column(name = "financial_implications", nullable = false)
	private String financialImplications = "";

	@Column(name = "signatory_id")
	private @Nullable Long signatoryId;

	@Column(name = "report_date")
	private @Nullable LocalDate reportDate;

	@Convert(converter = JsonListConverters.Recipients.class)
	@Column(name = "decision_recipients", nullable = false)
	private List<DecisionRecipient> decisionRecipients = new ArrayList<>();

	@Version
	private long version;

	protected OfficerReport() {
		this.matterId = 0L;
	}

	OfficerReport(Long matterId) {
		this.matterId = matterId;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMatterId() {
		return this.matterId;
	}

	public String getHeading() {
		return this.heading;
	}

	public ProposalKind getProposalKind() {
		return this.proposalKind;
	}

	public List<String> getProposedResolution() {
		return List.copyOf(this.proposedResolution);
	}

	public String getSummary() {
		return this.summary;
	}

	public String getDescription() {
		return this.description;
	}

	public String getFinancialImplications() {
		return this.financialImplications;
	}

	public @Nullable Long getSignatoryId() {
		return this.signatoryId;
	}

	public @Nullable LocalDate getReportDate() {
		return this.reportDate;
	}

	public List<DecisionRecipient> getDecisionRecipients() {
		return List.copyOf(this.decisionRecipients);
	}

	public long getVersion() {
		return this.version;
	}

	/** Whether there is anything to put before the board. */
	public boolean isWritten() {
		return !this.proposedResolution.isEmpty() || !this.summary.isBlank() || !this.description.isBlank();
	}

	void write(ReportContent content) {
		this.heading = content.heading().strip();
		this.proposalKind = content.proposalKind();
		this.proposedResolution = new ArrayList<>(content.proposedResolution());
		this.summary = content.summary();
		this.description = content.description();
		this.financialImplications = content.financialImplications();
		this.signatoryId = content.signatoryId();
		this.reportDate = content.reportDate();
		this.decisionRecipients = new ArrayList<>(content.decisionRecipients());
	}

}
