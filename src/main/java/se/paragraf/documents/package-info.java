/**
 * Archival documents: HTML rendered to PDF/A (with PDF/UA tagging) in Paragraf's embedded fonts,
 * PDFs merged and paginated; and the masking of personal data in the published version of
 * documents that other modules own ({@link se.paragraf.documents.Masking},
 * {@link se.paragraf.documents.MaskableDocuments}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package se.paragraf.documents;
