package se.paragraf.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.files.FileStore.StoredFile;
import se.paragraf.shared.security.Account;
import se.paragraf.shared.security.Accounts;
import se.paragraf.shared.security.CurrentUser;

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

	public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

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

	private final Clock clock;

	Certification(MeetingPlanning planning, Meetings meetings, MeetingRecords records, MinutesVersions versions,
			MeetingConduct conduct, MinutesComposer composer, MinutesSigner signer, FileStore files, Accounts accounts,
			PasswordEncoder passwords, ApplicationEventPublisher events, EntityManager entityManager, Clock clock) {
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

	public List<Minutes> versions(Long meetingId) {
		return this.versions.findByMeetingIdOrderByVersionNumberDesc(meetingId);
	}

	public Minutes version(Long meetingId, int versionNumber) {
		return this.versions.findByMeetingIdAndVersionNumber(meetingId, versionNumber)
			.orElseThrow(() -> new NotFoundException("Minutes", meetingId + "/" + versionNumber));
	}

	/** The PDF as signed: the sealed one once certified, the draft before. */
	public byte[] pdf(Minutes minutes) {
		return this.files.read(minutes.getSignedPdfKey() != null ? minutes.getSignedPdfKey() : minutes.getPdfKey());
	}

	/** The minutes page of a version, or of the record as it stands when nothing is drawn up yet. */
	public String html(Minutes minutes) {
		return minutes.getHtml();
	}

	/**
	 * An extract of one section (protokollsutdrag) as a PDF, marked "Utdragsbestyrkande" with the
	 * certification it comes from.
	 */
	public byte[] extractPdf(Long meetingId, int sectionNumber) {
		Minutes minutes = certified(meetingId).or(() -> latest(meetingId))
			.orElseThrow(() -> new NotFoundException("Minutes", meetingId));
		MinutesComposer.View view = view(meetingId, minutes);
		if (!view.numbers().contains(sectionNumber)) {
			throw new NotFoundException("MinuteSection", sectionNumber);
		}
		String attestation = minutes.isCertified()
				? "Utdragets riktighet bestyrks. Protokollet justerat " + LocalDate.ofInstant(minutes.getCertifiedAt(), SWEDEN)
						+ " av " + minutes.getSignatures().stream().map(Signature::name).collect(Collectors.joining(", "))
						+ "; PDF SHA-256 " + minutes.getSignedPdfSha256() + "."
				: "Utdrag ur ej justerat protokoll.";
		return this.composer.pdf(view, sectionNumber, attestation);
	}

	private MinutesComposer.View view(Long meetingId, Minutes minutes) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = this.records.findByMeetingId(meetingId).orElseThrow();
		return this.composer.view(meeting, record, minutes.getCorrectionReason(), minutes.getVersionNumber());
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
				minutes.getVersionNumber());
		String html = this.composer.html(view, null);
		byte[] pdf = this.composer.pdf(view, null, null);
		StoredFile stored = this.files.store(pdf);
		minutes.draw(record.getVersion(), html, stored.key(), stored.sha256(), view.firstSection(), view.lastSection(),
				Instant.now(this.clock), CurrentUser.name());
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
		Signature.SignerRole role;
		if (personId.equals(chair)) {
			role = Signature.SignerRole.CHAIR;
		}
		else if (record.getCheckers().contains(personId)) {
			role = Signature.SignerRole.CHECKER;
		}
		else {
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
		byte[] sealed = this.signer.sign(this.files.read(minutes.getPdfKey()), names,
				"Justerat protokoll " + minutes.getSectionRange());
		StoredFile stored = this.files.store(sealed);
		Instant now = Instant.now(this.clock);
		minutes.certify(now, stored.key(), stored.sha256());
		record.certified();
		this.records.save(record);
		meeting.minutesCertified();
		this.meetings.save(meeting);
		this.events.publishEvent(new MinutesCertified(meeting.getId(), minutes.getId(), minutes.getVersionNumber(),
				meeting.getBoardId(), meeting.getStart().toLocalDate(), LocalDate.ofInstant(now, SWEDEN),
				minutes.getSectionRange()));
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
