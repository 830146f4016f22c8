/**
 * Proceedings: what happens at and after a board's meeting.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "matters", "meetings", "documents" })
@org.jspecify.annotations.NullMarked
package se.paragraf.proceedings;
