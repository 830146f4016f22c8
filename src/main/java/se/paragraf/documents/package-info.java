/**
 * Archival documents: HTML rendered to PDF/A (with PDF/UA tagging) in Paragraf's embedded fonts,
 * PDFs merged and paginated, archival PDFs sealed with an electronic signature (PAdES), and the
 * masking of personal data in the published version of documents that other modules own.
 * <p>
 * Offers, in this package: {@link se.paragraf.documents.PdfRenderer},
 * {@link se.paragraf.documents.PdfAssembly}, {@link se.paragraf.documents.MinutesSigner} (the seal;
 * by default the organisation's key, replaceable by an e-ID signing service as another bean), and
 * {@link se.paragraf.documents.Masking} with {@link se.paragraf.documents.MaskableDocuments}, which
 * the owner of a document implements. The masks themselves ({@code masking}) and the review pages
 * ({@code web}) are internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package se.paragraf.documents;
