/**
 * The signed-in user's desk: what to do now, per role, on the start page. A read model only: it asks
 * each module through its public face and owns no tables, so that no lower module has to know the
 * others.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "matters", "meetings", "proceedings" })
@org.jspecify.annotations.NullMarked
package se.paragraf.desk;
