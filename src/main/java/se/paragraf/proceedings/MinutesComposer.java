package se.paragraf.proceedings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.util.HtmlUtils;
import org.springframework.context.MessageSource;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.paragraf.documents.PdfRenderer;
import se.paragraf.documents.Stationery;
import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Board;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.Organisation.Seat;
import se.paragraf.people.Person;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.Sweden;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.NoticeComposer;
import se.paragraf.meetings.PublicText;

/**
 * Makes the minutes (protokoll) from a meeting's record: the cover with attendance, checkers and
 * signature fields, then one numbered section (§) per agenda item. The same template gives the
 * HTML page, the archival PDF and the extract of a single section (protokollsutdrag).
 */
@Component
class MinutesComposer {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
			Sweden.LOCALE);

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final String TEMPLATE = "meetings/minutes";

	private final ITemplateEngine templates;

	private final PdfRenderer renderer;

	private final Organisation organisation;

	private final MatterRegister register;

	private final MeetingConduct conduct;

	private final String printCss;

	private final MessageSource messages;

	private final Stationery stationery;

	MinutesComposer(ITemplateEngine templates, PdfRenderer renderer, Organisation organisation,
			MatterRegister register, MeetingConduct conduct, MessageSource messages, Stationery stationery) {
		this.messages = messages;
		this.stationery = stationery;
		this.templates = templates;
		this.renderer = renderer;
		this.organisation = organisation;
		this.register = register;
		this.conduct = conduct;
		this.printCss = read("static/css/notice-print.css") + read("static/css/minutes-print.css");
	}

	/** The minutes are worded in Swedish, whoever draws them. */
	String wording(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Sweden.LOCALE);
	}

	String html(View view, @Nullable Integer only) {
		return render(view, "web", only, null);
	}

	byte[] pdf(View view, @Nullable Integer only, @Nullable String attestation) {
		return this.renderer.render(render(view, "pdf", only, attestation));
	}

	/** As {@link #pdf}, dated {@code date}: the same bytes every time it is drawn from the same record. */
	byte[] pdf(View view, @Nullable Integer only, @Nullable String attestation, java.time.Instant date) {
		return this.renderer.render(render(view, "pdf", only, attestation), date);
	}

	private String render(View view, String mode, @Nullable Integer only, @Nullable String attestation) {
		Context context = new Context(Sweden.LOCALE,
				Map.of("minutes", view, "mode", mode, "lang", "sv", "css", this.printCss));
		context.setVariable("only", only);
		context.setVariable("attestation", attestation);
		return this.templates.process(TEMPLATE, context);
	}

	/**
	 * What the minutes show in the pass's variant. The public variant withholds secret sections,
	 * keeping their number, diary number and a heading that cites the ground, and runs the texts of
	 * every other section through the pass ("§17.decision", "§17.proposals", "§17.propositionOrder",
	 * "§17.dissents").
	 */
	View view(Meeting meeting, MeetingRecord record, @Nullable String correctionReason, int versionNumber,
			PublicText.Pass pass) {
		Board board = this.organisation.board(meeting.getBoardId());
		MeetingConduct.BoardSeats seats = this.conduct.seats(meeting);
		LocalDate day = meeting.getStart().toLocalDate();
		List<PersonLine> decisionMakers = new ArrayList<>();
		List<PersonLine> servingSubstitutes = new ArrayList<>();
		List<PersonLine> otherSubstitutes = new ArrayList<>();
		List<PersonLine> absent = new ArrayList<>();
		for (Seat seat : seats.seats()) {
			Long personId = seat.person().getId();
			Attendance a = record.attendanceOf(personId).orElse(null);
			String name = seat.person().getFullName();
			String range = a == null ? "" : range(meeting, record, a);
			MembershipRole role = seat.membership().getRole();
			if (role.isMember()) {
				if (a != null && a.presence().isPresent()) {
					decisionMakers.add(new PersonLine(name, roleLabel(role), presence(a) + range));
				}
				else {
					absent.add(new PersonLine(name, roleLabel(role), "frånvarande"));
				}
			}
			else if (a != null && a.presence().isPresent()) {
				if (a.servingForPersonId() != null) {
					servingSubstitutes.add(new PersonLine(name, "tjänstgörande ersättare för "
							+ this.organisation.person(a.servingForPersonId()).getFullName(), presence(a) + range));
				}
				else {
					otherSubstitutes.add(new PersonLine(name, "ersättare", presence(a) + range));
				}
			}
		}
		Long presiding = record.presiding(seats.chairId(), seats.viceChairId()).orElse(null);
		String secretary = this.organisation.holder(board.getId(), MembershipRole.SECRETARY, day)
			.map(Person::getFullName)
			.orElse("");
		List<Section> sections = new ArrayList<>();
		for (AgendaItem item : meeting.getAgenda()) {
			Decision d = record.decisionOn(item.getId()).orElse(null);
			if (d == null || d.getSectionNumber() == null) {
				continue;
			}
			int number = meeting.numberOf(item);
			String diary = item.getMatterId() == null ? null
					: this.register.matter(item.getMatterId()).getDiaryNumber().toString();
			Confidentiality mark = this.conduct.confidentialityOf(d, item);
			if (pass.isPublic() && mark.isConfidential()) {
				pass.withheld();
				sections.add(Section.withheld(d.getSectionNumber(), number, diary, mark.citation(), d.getOutcome()));
				continue;
			}
			String heading = "§ " + d.getSectionNumber() + " " + item.getTitle();
			String key = "§" + d.getSectionNumber();
			List<String> proposals = d.getProposals().stream()
				.map(p -> p.moverPersonId() == null ? wording("minutes.proposal.administration", p.text())
						: wording("minutes.proposal.member", name(p.moverPersonId()), p.text()))
				.toList();
			List<VoteLine> votes = d.getVotes().stream()
				.map(v -> new VoteLine(name(v.personId()), wording("minutes.vote." + v.choice())))
				.toList();
			List<String> dissents = d.getDissents().stream()
				.map(x -> x.motivation() == null ? wording("minutes.dissent", name(x.personId()))
						: wording("minutes.dissent.motivated", name(x.personId()), x.motivation()))
				.toList();
			List<String> conflicts = d.getConflicts().stream()
				.map(id -> wording("minutes.conflict", name(id)))
				.toList();
			List<String> recipients = item.getMatterId() == null ? List.of()
					: this.register.report(item.getMatterId())
						.getDecisionRecipients()
						.stream()
						.map(DecisionRecipient::label)
						.toList();
			sections.add(new Section(d.getSectionNumber(), number, item.getTitle(), diary,
					pass.of(key + ".decision", heading + " – beslut",
							html(List.of(Objects.requireNonNullElse(d.getText(), "").split("\n")))),
					d.getReason(), pass.of(key + ".proposals", heading + " – yrkanden", html(proposals)),
					proposals.size(),
					d.getPropositionOrder() == null ? null
							: pass.of(key + ".propositionOrder", heading + " – propositionsordning",
									html(List.of(d.getPropositionOrder()))),
					votes, d.getVoteResult().isEmpty() ? null : d.getVoteResult().summary(),
					pass.of(key + ".dissents", heading + " – reservationer", html(dissents)), conflicts, recipients,
					d.isImmediatelyCertified(), d.getOutcome(), null));
		}
		int first = sections.stream().mapToInt(Section::number).min().orElse(0);
		int last = sections.stream().mapToInt(Section::number).max().orElse(0);
		LocalDateTime certAt = record.getCertificationAt();
		String certification = (record.getCertificationPlace() == null ? "" : record.getCertificationPlace())
				+ (certAt == null ? "" : ", " + DATE.format(certAt) + " kl. " + certAt.toLocalTime());
		return new View(board.getName(), SHORT.format(day), DATE.format(meeting.getStart()) + ", kl. "
				+ meeting.getStart().toLocalTime() + "–" + meeting.getEnd().toLocalTime(), meeting.getLocation(),
				decisionMakers, servingSubstitutes, otherSubstitutes, absent, record.getOthersPresent(),
				record.getCheckers().stream().map(this::name).toList(), certification,
				first == last ? "§ " + first : "§§ " + first + "–" + last, presiding == null ? "" : name(presiding),
				secretary, sections, first, last, correctionReason, versionNumber,
				this.stationery.headingFor(board.getId(), board.getAdministrationId(), board.getName()), true, List.of());
	}

	/** Lines of plain text as paragraphs of safe HTML. */
	private static String html(List<String> lines) {
		return lines.stream().map(l -> "<p>" + HtmlUtils.htmlEscape(l, "UTF-8") + "</p>").collect(Collectors.joining());
	}

	private String range(Meeting meeting, MeetingRecord record, Attendance a) {
		if (!a.isPartial()) {
			return "";
		}
		List<AgendaItem> agenda = meeting.getAgenda();
		Integer from = a.fromItem() == null ? null : section(record, agenda.get(a.fromItem() - 1));
		Integer to = a.toItem() == null ? null : section(record, agenda.get(a.toItem() - 1));
		List<Integer> all = agenda.stream().map(i -> section(record, i)).filter(Objects::nonNull).toList();
		if (all.isEmpty()) {
			return "";
		}
		int lo = from == null ? all.get(0) : from;
		int hi = to == null ? all.get(all.size() - 1) : to;
		return ", " + (lo == hi ? "§ " + lo : "§§ " + lo + "–" + hi);
	}

	private static @Nullable Integer section(MeetingRecord record, AgendaItem item) {
		return record.decisionOn(item.getId()).map(Decision::getSectionNumber).orElse(null);
	}

	private static String presence(Attendance a) {
		return a.presence() == Presence.REMOTE ? "på distans" : "";
	}

	private static String roleLabel(MembershipRole role) {
		return switch (role) {
			case CHAIR -> "ordförande";
			case VICE_CHAIR -> "vice ordförande";
			case MEMBER -> "ledamot";
			case SUBSTITUTE -> "ersättare";
			case SECRETARY -> "sekreterare";
		};
	}

	private String name(Long personId) {
		return this.organisation.person(personId).getFullName();
	}

	private static String read(String path) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the template shows. */
	record View(String boardName, String date, String when, String location, List<PersonLine> decisionMakers,
			List<PersonLine> servingSubstitutes, List<PersonLine> otherSubstitutes, List<PersonLine> absent,
			@Nullable String othersPresent, List<String> checkers, String certification, String sectionRange,
			String chair, String secretary, List<Section> sections, int firstSection, int lastSection,
			@Nullable String correctionReason, int versionNumber, Stationery.Heading letterhead, boolean draft,
			List<SignedLine> signedBy) {

		Set<Integer> numbers() {
			return this.sections.stream().map(Section::number).collect(Collectors.toSet());
		}

		/**
		 * The certified minutes: no draft mark, and a block naming who signed, in which capacity and
		 * when, from the signing records (the signatures themselves are in the sealed PDF).
		 */
		View signedBy(List<Signature> signatures) {
			List<SignedLine> lines = signatures.stream()
				.map(s -> new SignedLine(s.name(), s.role() == Signature.SignerRole.CHAIR ? "ordförande" : "justerare",
						s.signedAtLocal()))
				.toList();
			return new View(this.boardName, this.date, this.when, this.location, this.decisionMakers,
					this.servingSubstitutes, this.otherSubstitutes, this.absent, this.othersPresent, this.checkers,
					this.certification, this.sectionRange, this.chair, this.secretary, this.sections, this.firstSection,
					this.lastSection, this.correctionReason, this.versionNumber, this.letterhead, false, lines);
		}

	}

	/** A signature as the certified minutes show it: "Leif Pettersson, ordförande, 2023-12-12 09:14". */
	record SignedLine(String name, String role, String signedAt) {
	}

	/** A person on the cover: name, capacity and how they attended. */
	record PersonLine(String name, String role, String note) {
	}

	/** A vote as the section prints it. */
	record VoteLine(String name, String vote) {
	}

	/**
	 * One numbered section (§). Its texts are safe HTML, as the variant shows them; a withheld
	 * section carries the citation of its ground and none of its content.
	 */
	record Section(int number, int itemNumber, String title, @Nullable String diaryNumber, String decisionHtml,
			@Nullable String reason, String proposalsHtml, int proposalCount, @Nullable String propositionOrderHtml,
			List<VoteLine> votes, @Nullable String voteResult, String dissentsHtml, List<String> conflicts,
			List<String> recipients, boolean immediatelyCertified, @Nullable DecisionOutcome outcome,
			@Nullable String withheld) {

		static Section withheld(int number, int itemNumber, @Nullable String diaryNumber, @Nullable String citation,
				@Nullable DecisionOutcome outcome) {
			return new Section(number, itemNumber, NoticeComposer.withheldMark(String.valueOf(citation)), diaryNumber, "",
					null, "", 0, null, List.of(), null, "", List.of(), List.of(), false, outcome, citation);
		}

	}

}
