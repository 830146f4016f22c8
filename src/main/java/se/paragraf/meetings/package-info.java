/**
 * Meetings of a board: the year's schedule, the agenda, and the notice published as an HTML page
 * and an archival PDF.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "matters", "documents" })
@org.jspecify.annotations.NullMarked
package se.paragraf.meetings;
