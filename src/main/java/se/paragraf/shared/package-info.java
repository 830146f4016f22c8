/**
 * What every module uses: errors and web plumbing, security and accounts, file storage, rich text
 * with embedded live content, and the audit trail.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package se.paragraf.shared;
