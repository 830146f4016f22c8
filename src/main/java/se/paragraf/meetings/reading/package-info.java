/**
 * Reading a meeting's documents in the browser (PDF.js) with private notes and highlights per page,
 * which only their author sees; the notice downloaded with her notes in it; and the job that forgets
 * the notes of a member whose term on the board has ended. Internal to the meetings module: nothing
 * here is published, exported, indexed or offered to another module.
 */
@org.jspecify.annotations.NullMarked
package se.paragraf.meetings.reading;
