/**
 * Meetings of a board, up to the moment the meeting opens: the year's schedule, each meeting with
 * its agenda (matters, oral information, the standard items) and the items' secrecy marks, and the
 * notice, published in versions as an HTML page and an archival PDF, public and official variants.
 * <p>
 * Offers, in this package: {@link se.paragraf.meetings.MeetingPlanning} (schedule and agenda),
 * {@link se.paragraf.meetings.NoticePublication} (publish and read notices), the aggregates
 * {@link se.paragraf.meetings.Meeting}, {@link se.paragraf.meetings.AgendaItem} and
 * {@link se.paragraf.meetings.Notice}, the event {@link se.paragraf.meetings.NoticePublished}, the
 * addresses {@link se.paragraf.meetings.PublicLinks} and {@link se.paragraf.meetings.OfficialLinks},
 * and the seam for masking public text ({@link se.paragraf.meetings.PublicText},
 * {@link se.paragraf.meetings.PublicTextFilter}). It asks the module that keeps the meeting's record
 * through {@link se.paragraf.meetings.RecordLookup}, which that module implements, so that it depends
 * on none of what comes after the meeting. Its pages and API ({@code web}) are internal, and so is
 * {@code reading}: the reader (PDF.js) with members' private notes, which never leave it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "matters", "documents" })
@org.jspecify.annotations.NullMarked
package se.paragraf.meetings;
