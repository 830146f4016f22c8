package se.paragraf.meetings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What changed in a notice's structured source against the last published version: items added,
 * removed, moved or renamed, reports and attachments changed, secrecy set or lifted.
 *
 * @param since the version compared against, null before the first publication
 * @param complete false when that version kept only its agenda (published before the outline was
 * kept), so that only the items, their order and their titles are compared
 */
public record NoticeChanges(@Nullable Integer since, boolean complete, List<Change> changes) {

	/** What kind of change; the message key is {@code notice.change.} and the name. */
	public enum Kind {

		ADDED, REMOVED, MOVED, RENAMED, REPORT_CHANGED, ATTACHMENT_ADDED, ATTACHMENT_REMOVED, ATTACHMENT_CHANGED,
		SECRECY_SET, SECRECY_LIFTED, SECRECY_CHANGED

	}

	/**
	 * One change, in the words of the item it concerns.
	 *
	 * @param number the item's number now (or, for a removed item, in the version compared against)
	 * @param detail what the message names besides: the old title, the old number, the attachment's
	 * title, the ground of secrecy
	 */
	public record Change(Kind kind, int number, String title, @Nullable String detail) {

		public String messageKey() {
			return "notice.change." + this.kind.name();
		}

	}

	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/** The changes from {@code before} (the published version's outline) to {@code now}. */
	static NoticeChanges between(@Nullable Integer since, boolean complete, List<NoticeOutline> before,
			List<NoticeOutline> now) {
		List<Change> changes = new ArrayList<>();
		Map<Long, NoticeOutline> old = before.stream()
			.collect(Collectors.toMap(NoticeOutline::itemId, Function.identity(), (a, b) -> a));
		Set<Long> current = now.stream().map(NoticeOutline::itemId).collect(Collectors.toSet());
		Set<Long> moved = moved(before.stream().map(NoticeOutline::itemId).filter(current::contains).toList(),
				now.stream().map(NoticeOutline::itemId).filter(old::containsKey).toList());
		for (NoticeOutline item : before) {
			if (!current.contains(item.itemId())) {
				changes.add(new Change(Kind.REMOVED, item.number(), item.title(), null));
			}
		}
		for (NoticeOutline item : now) {
			NoticeOutline was = old.get(item.itemId());
			if (was == null) {
				changes.add(new Change(Kind.ADDED, item.number(), item.title(), null));
				continue;
			}
			if (moved.contains(item.itemId())) {
				changes.add(new Change(Kind.MOVED, item.number(), item.title(), String.valueOf(was.number())));
			}
			if (!was.title().equals(item.title())) {
				changes.add(new Change(Kind.RENAMED, item.number(), item.title(), was.title()));
			}
			if (!complete) {
				continue;
			}
			if (!Objects.equals(was.secrecy(), item.secrecy())) {
				Kind kind = was.secrecy() == null ? Kind.SECRECY_SET
						: item.secrecy() == null ? Kind.SECRECY_LIFTED : Kind.SECRECY_CHANGED;
				changes.add(new Change(kind, item.number(), item.title(),
						item.secrecy() == null ? was.secrecy() : item.secrecy()));
			}
			if (!Objects.equals(was.reportSha256(), item.reportSha256())) {
				changes.add(new Change(Kind.REPORT_CHANGED, item.number(), item.title(), null));
			}
			attachments(item, was.attachments(), item.attachments(), changes);
		}
		return new NoticeChanges(since, complete, List.copyOf(changes));
	}

	private static void attachments(NoticeOutline item, List<NoticeOutline.Attachment> before,
			List<NoticeOutline.Attachment> now, List<Change> changes) {
		Map<Long, NoticeOutline.Attachment> old = new HashMap<>();
		before.forEach(a -> old.put(a.id(), a));
		Set<Long> current = now.stream().map(NoticeOutline.Attachment::id).collect(Collectors.toSet());
		for (NoticeOutline.Attachment attachment : before) {
			if (!current.contains(attachment.id())) {
				changes.add(new Change(Kind.ATTACHMENT_REMOVED, item.number(), item.title(), attachment.title()));
			}
		}
		for (NoticeOutline.Attachment attachment : now) {
			NoticeOutline.Attachment was = old.get(attachment.id());
			if (was == null) {
				changes.add(new Change(Kind.ATTACHMENT_ADDED, item.number(), item.title(), attachment.title()));
			}
			else if (!was.equals(attachment)) {
				changes.add(new Change(Kind.ATTACHMENT_CHANGED, item.number(), item.title(), attachment.title()));
			}
		}
	}

	/**
	 * The items whose place among the others changed: those outside a longest common subsequence of
	 * the two orders, so that an item added above others does not count them all as moved. Of two
	 * items that swapped places, the one that went up counts as moved.
	 */
	static Set<Long> moved(List<Long> before, List<Long> now) {
		int[][] lengths = new int[before.size() + 1][now.size() + 1];
		for (int i = before.size() - 1; i >= 0; i--) {
			for (int j = now.size() - 1; j >= 0; j--) {
				lengths[i][j] = before.get(i).equals(now.get(j)) ? lengths[i + 1][j + 1] + 1
						: Math.max(lengths[i + 1][j], lengths[i][j + 1]);
			}
		}
		Set<Long> kept = new java.util.HashSet<>();
		int i = 0;
		int j = 0;
		while (i < before.size() && j < now.size()) {
			if (before.get(i).equals(now.get(j))) {
				kept.add(before.get(i));
				i++;
				j++;
			}
			else if (lengths[i + 1][j] > lengths[i][j + 1]) {
				i++;
			}
			else {
				j++;
			}
		}
		return now.stream().filter(id -> !kept.contains(id)).collect(Collectors.toSet());
	}

}
