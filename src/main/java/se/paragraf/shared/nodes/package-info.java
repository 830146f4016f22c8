/**
 * Running on several nodes behind one address: sessions in the database when configured, and each
 * scheduled job run by one node at a time.
 */
@org.jspecify.annotations.NullMarked
package se.paragraf.shared.nodes;
