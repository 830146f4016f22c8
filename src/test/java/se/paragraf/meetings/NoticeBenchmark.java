package se.paragraf.meetings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.paragraf.ParagrafApplication;
import se.paragraf.documents.PdfFixtures;
import se.paragraf.matters.Attachment;
import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.Confidentiality;

/**
 * Issue 12: publishing a notice of 40 agenda items (the three standard items and 37 matters, each
 * with a long officer report and a two-page PDF attachment) at two sizes, and the same content
 * written as a .docx for LibreOffice to convert in the same run. Starts the application (on a free
 * port) on an in-memory database. Not a test: bench/notice.sh runs it.
 *
 * <p>Arguments: output directory, rounds, then report paragraphs per matter for each size. With
 * {@code -DoneVariant=true} nothing is secret, so that one variant alone is composed.
 */
public final class NoticeBenchmark {

	static final int MATTERS = 37;

	static final int ATTACHMENT_PAGES = 2;

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args[0]);
		int rounds = Integer.parseInt(args[1]);
		int[] sizes = Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray();
		Files.createDirectories(out);
		List<String> pool = paragraphs(Path.of(System.getProperty("seed", "/work/shared/seed/gsn-kallelse-2023-12-05.txt")));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ParagrafApplication.class)
						.properties("spring.datasource.url=jdbc:h2:mem:notice-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "paragraf.files.directory=" + out.resolve("files"),
					"paragraf.files.max-upload-size=25MB", "spring.thymeleaf.cache=true", "server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
					"logging.level.se.paragraf=WARN", "spring.jpa.properties.hibernate.search.backend.directory.type=local-heap")
			.run()) {
			Organisation organisation = context.getBean(Organisation.class);
			MatterRegister register = context.getBean(MatterRegister.class);
			MeetingPlanning planning = context.getBean(MeetingPlanning.class);
			NoticePublication publication = context.getBean(NoticePublication.class);
			for (int paragraphs : sizes) {
				BoardWithPeople board = PeopleFixtures.jointBoard(organisation);
				Meeting meeting = planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2027, 12, 5, 10, 0),
						LocalDateTime.of(2027, 12, 5, 12, 0), null, "Sammanträdesrummet");
				List<Matter> matters = new ArrayList<>();
				for (int m = 0; m < MATTERS; m++) {
					Matter matter = register.register(board.code(), "Ärende " + (m + 1) + ": " + title(pool, m));
					register.writeReport(matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
							List.of("Nämnden godkänner förvaltningens förslag.", "Nämnden lägger redovisningen till handlingarna."),
							pool.get(m % pool.size()), report(pool, m, paragraphs), "Inga tillkommande kostnader.",
							board.caseOfficer().getId(), LocalDate.of(2027, 11, 21),
							List.of(new DecisionRecipient("Kommunstyrelsen", true, null), new DecisionRecipient("Akten", false, null))),
							0);
					Attachment attachment = register.attachFile(matter.getId(), "Underlag " + (m + 1), "underlag.pdf",
							"application/pdf",
							new ByteArrayInputStream(PdfFixtures.pdfWithPages(ATTACHMENT_PAGES, "UNDERLAG " + (m + 1))));
					if (m == MATTERS - 1 && !Boolean.getBoolean("oneVariant")) {
						// One secret attachment, so that both variants are composed: the public one without it.
						register.classifyAttachment(attachment.getId(), Confidentiality.confidential("21 kap. 1 § OSL"));
					}
					planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), matter.getId());
					matters.add(matter);
				}
				long[] millis = new long[rounds];
				long[] cpu = new long[rounds];
				int pages = 0;
				int officialPages = 0;
				for (int round = -1; round < rounds; round++) {
					// A change to the agenda, so that every round publishes a new version (an unchanged
					// agenda hands back the newest version without composing anything).
					Meeting current = planning.meeting(meeting.getId());
					planning.retitleItem(meeting.getId(), current.getVersion(), current.getAgenda().get(0).getId(),
							"Val av justerare, omgång " + (round + 2));
					Map<Long, Long> threadsBefore = threadCpu();
					long startCpu = processCpu();
					long start = System.nanoTime();
					Notice notice = publication.publish(meeting.getId(), planning.meeting(meeting.getId()).getVersion());
					long took = (System.nanoTime() - start) / 1_000_000;
					long tookCpu = (processCpu() - startCpu) / 1_000_000;
					String byThread = cpuByThreadGroup(threadsBefore);
					if (notice.getVersionNumber() != round + 2) {
						throw new IllegalStateException("Round " + (round + 2) + " published version " + notice.getVersionNumber());
					}
					pages = notice.getPageCount();
					officialPages = notice.getOfficialPageCount();
					if (round >= 0) {
						millis[round] = took;
						cpu[round] = tookCpu;
					}
					System.out.printf(Locale.ROOT,
							"paragraphs=%d %s: %d public + %d official pages in %d ms (process CPU %d ms; by thread %s)%n",
							paragraphs, round < 0 ? "warm-up" : "round " + (round + 1), pages, officialPages, took, tookCpu,
							byThread);
					if (round == rounds - 1) {
						Files.write(out.resolve("notice-" + paragraphs + ".pdf"), publication.pdf(notice));
					}
				}
				System.out.printf(Locale.ROOT,
						"RESULT paragraphs=%d pages=%d official_pages=%d median_ms=%d runs_ms=%s median_cpu_ms=%d%n", paragraphs,
						pages, officialPages, median(millis), Arrays.toString(millis), median(cpu));
				docx(out.resolve("notice-" + paragraphs + ".docx"), pool, matters, paragraphs);
			}
		}
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/** CPU time of each live thread, by thread id, in nanoseconds. */
	private static Map<Long, Long> threadCpu() {
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		Map<Long, Long> cpu = new HashMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			cpu.put(thread.getId(), Math.max(0, threads.getThreadCpuTime(thread.getId())));
		}
		return cpu;
	}

	/**
	 * CPU milliseconds since {@code before} by thread name without its number ("pdf-render",
	 * "notice-assembly", "main"): where a publication's work went, counted rather than timed. A thread
	 * that ended in between is missing.
	 */
	private static String cpuByThreadGroup(Map<Long, Long> before) {
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		Map<String, Long> groups = new TreeMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			long now = threads.getThreadCpuTime(thread.getId());
			if (now > 0) {
				String group = thread.getName().replaceAll("[- ]?\\d+$", "");
				groups.merge(group, (now - before.getOrDefault(thread.getId(), 0L)) / 1_000_000, Long::sum);
			}
		}
		groups.values().removeIf(ms -> ms < 50);
		return groups.toString();
	}

	/** CPU time of the whole process (all threads: the rendering pool too), in nanoseconds. */
	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** The same text in a .docx: the cover with the agenda, then each item on a new page, attachments as pages. */
	static void docx(Path file, List<String> pool, List<Matter> matters, int paragraphs) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); OutputStream stream = Files.newOutputStream(file)) {
			heading(document, "Kallelse", 20);
			XWPFTable agenda = document.createTable(matters.size() + 4, 3);
			agenda.getRow(0).getCell(0).setText("Nr");
			agenda.getRow(0).getCell(1).setText("Ärenden");
			agenda.getRow(0).getCell(2).setText("Dnr");
			List<String> standard = List.of("Val av justerare", "Anmälan av extra ärenden", "Information från verksamheten");
			for (int i = 0; i < matters.size() + 3; i++) {
				String title = i < 2 ? standard.get(i) : i < matters.size() + 2 ? matters.get(i - 2).getTitle() : standard.get(2);
				agenda.getRow(i + 1).getCell(0).setText(String.valueOf(i + 1));
				agenda.getRow(i + 1).getCell(1).setText(title);
				agenda.getRow(i + 1).getCell(2)
					.setText(i >= 2 && i < matters.size() + 2 ? matters.get(i - 2).getDiaryNumber().toString() : "");
			}
			for (String title : standard.subList(0, 2)) {
				pageBreak(document);
				heading(document, title, 16);
			}
			for (int m = 0; m < matters.size(); m++) {
				pageBreak(document);
				heading(document, matters.get(m).getTitle(), 16);
				heading(document, "Förvaltningens förslag till beslut", 13);
				text(document, "1. Nämnden godkänner förvaltningens förslag.");
				text(document, "2. Nämnden lägger redovisningen till handlingarna.");
				heading(document, "Sammanfattning", 13);
				text(document, pool.get(m % pool.size()));
				heading(document, "Beskrivning av ärendet", 13);
				for (String paragraph : report(pool, m, paragraphs).split("\n\n")) {
					text(document, paragraph);
				}
				heading(document, "Ekonomiska konsekvenser", 13);
				text(document, "Inga tillkommande kostnader.");
				for (int page = 1; page <= ATTACHMENT_PAGES; page++) {
					pageBreak(document);
					text(document, "UNDERLAG " + (m + 1) + " " + page);
				}
			}
			pageBreak(document);
			heading(document, standard.get(2), 16);
			document.write(stream);
		}
	}

	private static void heading(XWPFDocument document, String text, int size) {
		XWPFRun run = document.createParagraph().createRun();
		run.setBold(true);
		run.setFontSize(size);
		run.setFontFamily("DejaVu Sans");
		run.setText(text);
	}

	private static void text(XWPFDocument document, String text) {
		XWPFParagraph paragraph = document.createParagraph();
		XWPFRun run = paragraph.createRun();
		run.setFontSize(10);
		run.setFontFamily("DejaVu Sans");
		run.setText(text);
	}

	private static void pageBreak(XWPFDocument document) {
		document.createParagraph().createRun().addBreak(BreakType.PAGE);
	}

	static String title(List<String> pool, int m) {
		String words = pool.get((m * 7) % pool.size());
		return words.substring(0, Math.min(60, words.indexOf(' ', 40) < 0 ? words.length() : words.indexOf(' ', 40)));
	}

	/** A long report: the seed notice's paragraphs in turn, starting at a different one per matter. */
	static String report(List<String> pool, int m, int paragraphs) {
		StringBuilder text = new StringBuilder();
		for (int p = 0; p < paragraphs; p++) {
			text.append(pool.get((m * 3 + p) % pool.size())).append("\n\n");
		}
		return text.toString().strip();
	}

	private static List<String> paragraphs(Path seed) {
		try {
			return Files.readAllLines(seed, StandardCharsets.UTF_8)
				.stream()
				.map(String::strip)
				.filter(line -> line.length() > 120)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
