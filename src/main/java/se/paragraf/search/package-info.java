/**
 * Full-text search: an index of matters, officer reports, decisions, minutes, notices and the text
 * of attachments, fed by the other modules' events and rebuilt from their data on demand; never
 * written to by other modules. Public search finds only public content; signed-in users find what
 * their role lets them read.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "matters", "meetings", "proceedings" })
@org.jspecify.annotations.NullMarked
package se.paragraf.search;
