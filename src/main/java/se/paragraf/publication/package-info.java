/**
 * Publication for everyone: the OParl interface, the calendar feeds and the public statements.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "matters", "meetings" })
@org.jspecify.annotations.NullMarked
package se.paragraf.publication;
