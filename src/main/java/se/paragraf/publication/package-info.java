/**
 * Publication: the digital notice board (anslagstavla) of each partner municipality, where the
 * certification of minutes is announced, and the appeal period that follows.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "meetings" })
@org.jspecify.annotations.NullMarked
package se.paragraf.publication;
