/**
 * Publication for everyone: the digital notice board (anslagstavla) of each partner municipality,
 * where the certification of minutes is announced, with the appeal period that follows; the OParl
 * interface, the calendar feeds and the public statements.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "matters", "meetings", "proceedings" })
@org.jspecify.annotations.NullMarked
package se.paragraf.publication;
