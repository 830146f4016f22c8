/**
 * Archival documents: HTML rendered to PDF/A (with PDF/UA tagging) in Paragraf's embedded fonts,
 * PDFs merged and paginated.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package se.paragraf.documents;
