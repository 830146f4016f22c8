/**
 * The organisation: municipalities, boards (joint boards with their partner municipalities),
 * administrations and units, persons, memberships with role and term, and case officers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "documents" })
@org.jspecify.annotations.NullMarked
package se.paragraf.people;
