/**
 * Running Paragraf as an IT department does: metrics for Prometheus, who may read them, the request
 * id and user in every log line (identity numbers masked), and the verification of a restored
 * installation ({@code --paragraf.verify}). Nothing in other modules depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "meetings", "proceedings" })
@org.jspecify.annotations.NullMarked
package se.paragraf.operations;
