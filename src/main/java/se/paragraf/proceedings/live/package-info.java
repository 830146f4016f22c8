/**
 * The live meeting room (issue 15 §1): members, substitutes and staff of the board follow the
 * meeting as it happens on {@code /meetings/{id}/live}, kept current by server-sent events; members
 * at a distance check in themselves, ask to speak, declare their own conflicts of interest and vote
 * by name from their own devices; the chair or secretary drives the room. Everything that belongs
 * in the minutes (attendance, conflicts, the vote) is written through
 * {@link se.paragraf.proceedings.MeetingConduct} into the same record the minutes are made from.
 * <p>
 * Fan-out is per node: each node pushes to the clients connected to it, at once for changes made on
 * that node, and within a second for changes made on another node, which it learns from the change
 * counter in {@code live_session}.
 */
@org.jspecify.annotations.NullMarked
package se.paragraf.proceedings.live;
