package se.paragraf.proceedings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.files.FileRef;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.files.FileStore.StoredFile;
import se.paragraf.shared.security.Account;
import se.paragraf.shared.security.Accounts;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.documents.MinutesSigner;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.meetings.PublicText;
import se.paragraf.meetings.RecordState;

/**
 * Draws up the minutes of a closed meeting and has them certified (justering): the chair and the
 * elected checkers each sign in Paragraf, typing their password again; each signature records the
 * SHA-256 of the exact PDF signed. With the last signature the PDF is sealed (PAdES) and the
 * minutes can no longer change; a correction is a new version with its reason.
 */
@Service
@Transactional(readOnly = true)
public class Certification {

	/** Certification is due within this many days of the meeting. */
	public static final int DAYS_TO_CERTIFY = 14;


	private final MeetingPlanning planning;

	private final Meetings meetings;

	private final MeetingRecords records;

	private final MinutesVersions versions;

	private final MeetingConduct conduct;

	private final MinutesComposer composer;

	private final MinutesSigner signer;

	private final FileStore files;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final EntityManager entityManager;

	private final PublicText publicText;

	private final Clock clock;

	Certification(MeetingPlanning planning, Meetings meetings, MeetingRecords records, MinutesVersions versions,
			MeetingConduct conduct, MinutesComposer composer, MinutesSigner signer, FileStore files, Accounts accounts,
			PasswordEncoder passwords, ApplicationEventPublisher events, EntityManager entityManager,
			PublicText publicText, Clock clock) {
		this.publicText = publicText;
		this.planning = planning;
		this.meetings = meetings;
		this.records = records;
		this.versions = versions;
		this.conduct = conduct;
		this.composer = composer;
		this.signer = signer;
		this.files = files;
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	public Optional<Minutes> latest(Long meetingId) {
		return this.versions.findFirstByMeetingIdOrderByVersionNumberDesc(meetingId);
	}

	/** The newest certified version, the one in force. */
	public Optional<Minutes> certified(Long meetingId) {
		return this.versions.findByMeetingIdOrderByVersionNumberDesc(meetingId)
			.stream()
			.filter(Minutes::isCertified)
			.findFirst();
	}

	/** Which of these meetings have certified minutes, in one query. */
	public Set<Long> withCertifiedMinutes(Collection<Long> meetingIds) {
		return meetingIds.isEmpty() ? Set.of() : this.versions.meetingsWithMinutesIn(meetingIds, MinutesState.CERTIFIED);
	}

	public List<Minutes> versions(Long meetingId) {
		return this.versions.findByMeetingIdOrderByVersionNumberDesc(meetingId);
	}

	public Minutes version(Long meetingId, int versionNumber) {
		return this.versions.findByMeetingIdAndVersionNumber(meetingId, versionNumber)
			.orElseThrow(() -> new NotFoundException("Minutes", meetingId + "/" + versionNumber));
	}

	/** The official PDF as signed: the sealed one once certified, the draft before. Internal only. */
	public byte[] pdf(Minutes minutes) {
		String signedKey = minutes.getSignedPdfKey();
		String signedSha256 = minutes.getSignedPdfSha256();
		return signedKey != null && signedSha256 != null ? this.files.read(signedKey, signedSha256)
				: this.files.read(minutes.getPdfKey(), minutes.getPdfSha256());
	}

	/** The public PDF of certified minutes: the public variant, or the sealed official one when nothing is withheld. */
	public byte[] publicPdf(Minutes minutes) {
		String key = minutes.getPublicPdfKey();
		String sha256 = minutes.getPublicPdfSha256();
		if (!minutes.isCertified() || key == null || sha256 == null) {
			throw new NotFoundException("Minutes", minutes.getMeetingId() + "/" + minutes.getVersionNumber());
		}
		return this.files.read(key, sha256);
	}

	/** The public minutes page of a version. */
	public String html(Minutes minutes) {
		return minutes.getHtml();
	}

	/**
	 * An extract of one section (protokollsutdrag) as a PDF, marked "Utdragsbestyrkande" with the
	 * certification it comes from: the official extract, as sent to the decision's recipients.
	 */
	public byte[] extractPdf(Long meetingId, int sectionNumber) {
		return extract(meetingId, sectionNumber, PublicText.officialPass(PublicText.minutesKey(meetingId)));
	}

	/**
	 * The extract as the public may read it: a secret section shows only its number and the ground
	 * of secrecy, and masked text stays masked.
	 */
	public byte[] publicExtractPdf(Long meetingId, int sectionNumber) {
		// The extract is drawn from the record as it stands: while a correction is open it would show
		// uncertified text under the certified version's attestation, so there is none until it is certified.
		MeetingRecord record = this.conduct.record(meetingId).orElse(null);
		if (record == null || !record.isCertified()) {
			throw new NotFoundException("MinuteSection", sectionNumber);
		}
		return extract(meetingId, sectionNumber, this.publicText.publicPass(PublicText.minutesKey(meetingId)));
	}

	private byte[] extract(Long meetingId, int sectionNumber, PublicText.Pass pass) {
		Minutes minutes = certified(meetingId).or(() -> latest(meetingId))
			.orElseThrow(() -> new NotFoundException("Minutes", meetingId));
		MinutesComposer.View view = view(meetingId, minutes, pass);
		if (!view.numbers().contains(sectionNumber)) {
			throw new NotFoundException("MinuteSection", sectionNumber);
		}
		String attestation = minutes.isCertified()
				? this.composer.wording("extract.attestation",
						LocalDate.ofInstant(minutes.getCertifiedAt(), Sweden.ZONE).toString(),
						minutes.getSignatures().stream().map(Signature::name).collect(Collectors.joining(", ")),
						minutes.getSignedPdfSha256())
				: this.composer.wording("extract.attestation.draft");
		if (pass.differs()) {
			attestation += " " + this.composer.wording("extract.attestation.public");
		}
		// Dated by the minutes it is drawn from, so that every request gets the same file.
		if (minutes.isCertified()) {
			view = view.signedBy(minutes.getSignatures());
		}
		return this.composer.pdf(view, sectionNumber, attestation,
				minutes.isCertified() ? minutes.getCertifiedAt() : minutes.getCreatedAt());
	}

	private MinutesComposer.View view(Long meetingId, Minutes minutes, PublicText.Pass pass) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = this.records.findByMeetingId(meetingId).orElseThrow();
		return this.composer.view(meeting, record, minutes.getCorrectionReason(), minutes.getVersionNumber(), pass);
	}

	/** The sections of the minutes' public variant as they would pass the masking filter now. */
	List<PublicText.Section> publicSections(Long meetingId) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = this.records.findByMeetingId(meetingId).orElse(null);
		if (record == null) {
			return List.of();
		}
		PublicText.Pass pass = this.publicText.publicPass(PublicText.minutesKey(meetingId));
		Minutes latest = latest(meetingId).orElse(null);
		this.composer.view(meeting, record, latest == null ? null : latest.getCorrectionReason(),
				latest == null ? 1 : latest.getVersionNumber(), pass);
		return pass.sections();
	}

	/**
	 * Draws up the minutes from the record as it stands. An unsigned or outdated draft is replaced;
	 * certified minutes are never touched.
	 */
	@Transactional
	public Minutes draw(Long meetingId) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = this.records.findByMeetingId(meetingId)
			.orElseThrow(() -> new RuleViolation("conduct.notStarted"));
		if (record.getState() == RecordState.IN_PROGRESS) {
			throw new RuleViolation("minutes.meetingNotClosed");
		}
		if (record.getState() == RecordState.CERTIFIED) {
			throw new RuleViolation("minutes.certified.immutable");
		}
		Minutes latest = latest(meetingId).orElse(null);
		Minutes minutes;
		if (latest == null || latest.isCertified()) {
			minutes = new Minutes(meetingId, latest == null ? 1 : latest.getVersionNumber() + 1,
					latest == null ? null : record.getCorrectionReason());
		}
		else if (latest.getRecordVersion() == record.getVersion()) {
			return latest;
		}
		else {
			minutes = latest;
		}
		MinutesComposer.View view = this.composer.view(meeting, record, minutes.getCorrectionReason(),
				minutes.getVersionNumber(), PublicText.officialPass(PublicText.minutesKey(meetingId)));
		String html = this.composer.html(view, null);
		byte[] pdf = this.composer.pdf(view, null, null);
		StoredFile stored = this.files.store(pdf);
		minutes.draw(record.getVersion(), html, FileRef.of(stored), view.firstSection(), view.lastSection(),
				Instant.now(this.clock), CurrentUser.name());
		// The draft's public page; its PDF is made, and the masks fixed, at certification.
		PublicText.Pass pass = this.publicText.publicPass(PublicText.minutesKey(meetingId));
		MinutesComposer.View publicView = this.composer.view(meeting, record, minutes.getCorrectionReason(),
				minutes.getVersionNumber(), pass);
		minutes.publicVariant(pass.differs() ? this.composer.html(publicView, null) : null, null);
		return this.versions.saveAndFlush(minutes);
	}

	/**
	 * Signs the current draft as the signed-in person, who types their password again. Only the
	 * chair of the meeting and the elected checkers sign; with the last signature the minutes are
	 * certified.
	 */
	@Transactional
	public Minutes sign(Long meetingId, String password, @Nullable String expectedSha256) {
		CurrentUser user = CurrentUser.get().orElseThrow(() -> new RuleViolation("certification.notSignedIn"));
		Account account = this.accounts.findByUsername(user.username())
			.orElseThrow(() -> new RuleViolation("certification.notSignedIn"));
		if (password == null || !this.passwords.matches(password, account.getPasswordHash())) {
			throw RuleViolation.onField("password", "certification.password.wrong");
		}
		if (account.getPersonId() == null) {
			throw new RuleViolation("certification.notSigner");
		}
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = this.records.findByMeetingId(meetingId)
			.orElseThrow(() -> new RuleViolation("conduct.notStarted"));
		if (record.getState() == RecordState.CERTIFIED) {
			throw new RuleViolation("minutes.alreadyCertified");
		}
		Minutes minutes = latest(meetingId).filter(m -> !m.isCertified())
			.orElseThrow(() -> new RuleViolation("minutes.noDraft"));
		this.entityManager.lock(minutes, LockModeType.PESSIMISTIC_WRITE);
		this.entityManager.refresh(minutes);
		if (minutes.getRecordVersion() != record.getVersion()
				|| expectedSha256 != null && !expectedSha256.equals(minutes.getPdfSha256())) {
			throw new RuleViolation("minutes.outdated");
		}
		Long personId = account.getPersonId();
		MeetingConduct.BoardSeats seats = this.conduct.seats(meeting);
		Long chair = record.presiding(seats.chairId(), seats.viceChairId()).orElse(null);
		Signature.SignerRole role = signerRole(meeting, record, personId);
		if (role == null) {
			throw new RuleViolation("certification.notSigner");
		}
		minutes.sign(new Signature(personId, this.conduct.name(personId), role, account.getUsername(),
				Instant.now(this.clock), minutes.getPdfSha256()));
		List<Long> required = new ArrayList<>(record.getCheckers());
		if (chair != null) {
			required.add(chair);
		}
		boolean complete = minutes.getSignatures().stream().map(Signature::personId).toList().containsAll(required);
		if (complete) {
			certify(meeting, record, minutes);
		}
		return this.versions.saveAndFlush(minutes);
	}

	private void certify(Meeting meeting, MeetingRecord record, Minutes minutes) {
		String names = minutes.getSignatures().stream().map(Signature::name).collect(Collectors.joining(", "));
		// The signers approved the draft (its SHA-256 is in each signature); what is sealed is the same
		// record drawn as certified: without the draft mark, with the block saying who signed and when.
		MinutesComposer.View view = this.composer
			.view(meeting, record, minutes.getCorrectionReason(), minutes.getVersionNumber(),
					PublicText.officialPass(PublicText.minutesKey(meeting.getId())))
			.signedBy(minutes.getSignatures());
		byte[] sealed = this.signer.sign(this.composer.pdf(view, null, null), names,
				this.composer.wording("minutes.signingReason", minutes.getSectionRange()));
		StoredFile stored = this.files.store(sealed);
		publishVariant(meeting, record, minutes, names);
		Instant now = Instant.now(this.clock);
		minutes.certify(now, FileRef.of(stored), this.composer.html(view, null));
		record.certified();
		this.records.save(record);
		meeting.minutesCertified();
		this.meetings.save(meeting);
		this.events.publishEvent(new MinutesCertified(meeting.getId(), minutes.getId(), minutes.getVersionNumber(),
				meeting.getBoardId(), meeting.getStart().toLocalDate(), LocalDate.ofInstant(now, Sweden.ZONE),
				minutes.getSectionRange()));
	}

	/**
	 * Makes the public variant of minutes about to be certified, with the masks as they stand now:
	 * when a section is secret or text is masked, its own page and PDF, sealed like the official
	 * one; otherwise none, and the certified minutes are public as they are.
	 */
	private void publishVariant(Meeting meeting, MeetingRecord record, Minutes minutes, String names) {
		PublicText.Pass pass = this.publicText.publicPass(PublicText.minutesKey(meeting.getId()));
		MinutesComposer.View view = this.composer.view(meeting, record, minutes.getCorrectionReason(),
				minutes.getVersionNumber(), pass).signedBy(minutes.getSignatures());
		if (!pass.differs()) {
			minutes.publicVariant(null, null);
			return;
		}
		byte[] sealed = this.signer.sign(this.composer.pdf(view, null, null), names,
				this.composer.wording("minutes.signingReason.public", minutes.getSectionRange()));
		StoredFile stored = this.files.store(sealed);
		minutes.publicVariant(this.composer.html(view, null), FileRef.of(stored));
	}

	/**
	 * Opens a correction of certified minutes: the record may change again, and the next draft is a
	 * new version carrying the reason; the certified version stays readable as it was.
	 */
	@Transactional
	public MeetingRecord correct(Long meetingId, long expectedVersion, String reason) {
		if (reason == null || reason.isBlank()) {
			throw RuleViolation.onField("reason", "minutes.correction.reasonRequired");
		}
		MeetingRecord record = this.records.findByMeetingId(meetingId)
			.orElseThrow(() -> new RuleViolation("conduct.notStarted"));
		StaleVersionException.check("MeetingRecord", meetingId, record.getVersion(), expectedVersion);
		this.entityManager.lock(record, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		record.openCorrection(reason);
		return this.records.saveAndFlush(record);
	}

	/** Whether the person signs the meeting's minutes: the presiding chair or an elected checker. */
	public boolean isSigner(Long meetingId, Long personId) {
		Meeting meeting = this.planning.meeting(meetingId);
		return this.records.findByMeetingId(meetingId)
			.map(record -> signerRole(meeting, record, personId) != null)
			.orElse(false);
	}

	/**
	 * The drafts waiting for this person's signature: the newest draft of each meeting where they
	 * sign and have not signed yet.
	 */
	public List<Minutes> awaitingSignatureOf(Long personId) {
		return uncertifiedDrafts().stream()
			.filter(m -> latest(m.getMeetingId()).map(newest -> newest.getId().equals(m.getId())).orElse(false))
			.filter(m -> m.getSignatures().stream().noneMatch(s -> s.personId().equals(personId)))
			.filter(m -> isSigner(m.getMeetingId(), personId))
			.toList();
	}

	private Signature.@Nullable SignerRole signerRole(Meeting meeting, MeetingRecord record, Long personId) {
		MeetingConduct.BoardSeats seats = this.conduct.seats(meeting);
		if (personId.equals(record.presiding(seats.chairId(), seats.viceChairId()).orElse(null))) {
			return Signature.SignerRole.CHAIR;
		}
		return record.getCheckers().contains(personId) ? Signature.SignerRole.CHECKER : null;
	}

	/** The day certification is due: 14 days after the meeting. */
	public static LocalDate dueOn(Meeting meeting) {
		return meeting.getStart().toLocalDate().plusDays(DAYS_TO_CERTIFY);
	}

	/** Drafts not yet certified, for reminders. */
	public List<Minutes> uncertifiedDrafts() {
		return this.versions.findByState(MinutesState.DRAFT);
	}

	@Transactional
	public void markReminded(Long minutesId, LocalDate on) {
		this.versions.findById(minutesId).ifPresent(m -> m.reminded(on));
	}

}
