/**
 * Proceedings (sammanträdets genomförande): what happens at and after a board's meeting. The record
 * of the meeting (attendance and presence, quorum, minutes checkers, extra items, decisions with
 * proposals, votes and dissents), section numbering per board and year, the minutes in versions,
 * their certification by the chair and the checkers, the notice-board postings as the publication
 * module reports them, and the dispatch of decisions and notices to recipients and members (with
 * members' opt-outs). Also the pages that show a meeting together with its record: conduct, signing,
 * the official documents, the public meeting page and the public minutes, and the meeting in the JSON
 * API; and the public documents of a meeting, section by section, for the review of masks.
 * <p>
 * Offers, in this package: {@link se.paragraf.proceedings.MeetingConduct} (record the meeting),
 * {@link se.paragraf.proceedings.Certification} (draw, sign, certify and correct the minutes),
 * {@link se.paragraf.proceedings.DecisionDispatch}, the aggregates
 * {@link se.paragraf.proceedings.MeetingRecord}, {@link se.paragraf.proceedings.Decision} and
 * {@link se.paragraf.proceedings.Minutes}, the event {@link se.paragraf.proceedings.MinutesCertified},
 * and the seam {@link se.paragraf.proceedings.NoticeBoardPostings}, implemented by publication. It
 * reacts to {@link se.paragraf.meetings.NoticePublished} through the event publication registry, and
 * answers meetings' {@link se.paragraf.meetings.RecordLookup}. Its pages and API ({@code web}) are
 * internal, as are the allowances ({@code allowances}: arvode from the recorded attendance, per-board
 * rules, closed payroll runs with correction lines, CSV and .xlsx for payroll).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "matters", "meetings", "documents" })
@org.jspecify.annotations.NullMarked
package se.paragraf.proceedings;
