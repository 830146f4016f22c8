package se.paragraf.proceedings;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.people.Organisation;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.Meetings;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.meetings.PublicText;

/**
 * The documents of a meeting that get a public variant, section by section, exactly as their text
 * passes the {@link PublicTextFilter}: "notice-{meetingId}" (the notice as it would be published
 * now) and "minutes-{meetingId}" (the minutes as the record stands). Secret items and sections are
 * not among the sections, since nothing of them is published. A review screen for masks reads the
 * sections from here.
 */
@Service
@Transactional(readOnly = true)
public class PublicDocuments {

	private static final Pattern KEY = Pattern.compile("(notice|minutes)-(\\d{1,18})");

	private final Meetings meetings;

	private final NoticePublication notices;

	private final Certification certification;

	private final Organisation organisation;

	PublicDocuments(Meetings meetings, NoticePublication notices, Certification certification,
			Organisation organisation) {
		this.meetings = meetings;
		this.notices = notices;
		this.certification = certification;
		this.organisation = organisation;
	}

	/** The document with that key, or empty when there is no such meeting. */
	public Optional<Document> find(String documentKey) {
		Matcher matcher = KEY.matcher(documentKey);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		Long meetingId = Long.valueOf(matcher.group(2));
		Optional<Meeting> meeting = this.meetings.findById(meetingId);
		if (meeting.isEmpty()) {
			return Optional.empty();
		}
		String board = this.organisation.board(meeting.get().getBoardId()).getName();
		String date = meeting.get().getStart().toLocalDate().toString();
		if (matcher.group(1).equals("notice")) {
			return Optional.of(new Document(documentKey, "Kallelse " + board + " " + date, "/meetings/" + meetingId,
					this.notices.publicSections(meetingId)));
		}
		return Optional.of(new Document(documentKey, "Protokoll " + board + " " + date,
				"/meetings/" + meetingId + "/conduct#minutes", this.certification.publicSections(meetingId)));
	}

	/** A document with a public variant: its key, title, the page to return to, and its sections. */
	public record Document(String key, String title, String returnUrl, List<PublicText.Section> sections) {
	}

}
