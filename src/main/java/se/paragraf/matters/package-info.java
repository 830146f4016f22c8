/**
 * The register: matters with gapless diary numbers per board and year, officer reports with their
 * proposed resolutions, attachments and decision recipients.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people", "documents" })
@org.jspecify.annotations.NullMarked
package se.paragraf.matters;
