package se.paragraf.budget.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.budget.ActivityLine;
import se.paragraf.budget.BudgetChecks;
import se.paragraf.budget.BudgetContent;
import se.paragraf.budget.BudgetContentRejected;
import se.paragraf.budget.BudgetExport;
import se.paragraf.budget.BudgetImport;
import se.paragraf.budget.BudgetManagement;
import se.paragraf.budget.BudgetManagement.VersionView;
import se.paragraf.budget.BudgetTables;
import se.paragraf.budget.CostType;
import se.paragraf.budget.Finding;
import se.paragraf.budget.VersionStatus;
import se.paragraf.people.Organisation;
import se.paragraf.shared.RuleViolation;

/**
 * The budget pages: boards and years, a budget's versions, one version's tables, the comparison of
 * two versions, import with a preview that saves nothing, and export. Economists write; secretaries and
 * case officers read.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'ECONOMIST', 'SECRETARY', 'CASE_OFFICER')")
class BudgetController {

	private static final String WRITERS = "hasAnyRole('ADMIN', 'ECONOMIST')";

	private final BudgetManagement budgets;

	private final BudgetTables tables;

	private final Organisation organisation;

	private final MessageSource messages;

	private final Clock clock;

	BudgetController(BudgetManagement budgets, BudgetTables tables, Organisation organisation,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.budgets = budgets;
		this.tables = tables;
		this.organisation = organisation;
		this.messages = messages;
	}

	@GetMapping("/budget")
	String listBudgets(Model model) {
		model.addAttribute("overview", this.budgets.overview());
		return "budget/list";
	}

	@GetMapping("/budget/{board}/{year}")
	String showVersions(@PathVariable String board, @PathVariable int year, Model model) {
		model.addAttribute("board", this.organisation.board(board));
		model.addAttribute("year", year);
		model.addAttribute("versions", this.budgets.versions(board, year));
		return "budget/versions";
	}

	@GetMapping("/budget/{board}/{year}/versions/{number}")
	String showVersion(@PathVariable String board, @PathVariable int year, @PathVariable int number, Model model,
			Locale locale) {
		VersionView view = this.budgets.version(board, year, number);
		VersionView earlier = this.budgets.comparison(board, year, number).orElse(null);
		model.addAttribute("view", view);
		model.addAttribute("frozen", view.status().isFrozen());
		model.addAttribute("findings", messages(BudgetChecks.check(view.content()), locale));
		model.addAttribute("tables", tablesOf(view, earlier, locale));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "budget/version";
	}

	@PostMapping("/budget/{board}/{year}/versions/{number}/copy")
	@PreAuthorize(WRITERS)
	String copyVersion(@PathVariable String board, @PathVariable int year, @PathVariable int number,
			@RequestParam String label, RedirectAttributes redirect, Locale locale) {
		try {
			VersionView created = this.budgets.copyVersion(board, year, number, label);
			return "redirect:/budget/" + board + "/" + year + "/versions/" + created.number();
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("error", text(violation, locale));
			return "redirect:/budget/" + board + "/" + year + "/versions/" + number;
		}
	}

	@PostMapping("/budget/{board}/{year}/versions/{number}/proposal")
	@PreAuthorize(WRITERS)
	String proposeVersion(@PathVariable String board, @PathVariable int year, @PathVariable int number,
			@RequestParam long lockVersion, RedirectAttributes redirect, Locale locale) {
		try {
			this.budgets.propose(board, year, number, lockVersion);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("error", text(violation, locale));
		}
		return "redirect:/budget/" + board + "/" + year + "/versions/" + number;
	}

	@PostMapping("/budget/{board}/{year}/versions/{number}/decision")
	@PreAuthorize(WRITERS)
	String decideVersion(@PathVariable String board, @PathVariable int year, @PathVariable int number,
			@RequestParam long lockVersion, @RequestParam String decidedBy,
			@RequestParam(required = false) @Nullable LocalDate decidedOn, RedirectAttributes redirect, Locale locale) {
		try {
			this.budgets.decide(board, year, number, lockVersion, decidedBy,
					decidedOn == null ? LocalDate.now(this.clock) : decidedOn);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("error", text(violation, locale));
		}
		return "redirect:/budget/" + board + "/" + year + "/versions/" + number;
	}

	@GetMapping("/budget/{board}/{year}/compare")
	String compareVersions(@PathVariable String board, @PathVariable int year, @RequestParam int a,
			@RequestParam int b, Model model, Locale locale) {
		VersionView first = this.budgets.version(board, year, a);
		VersionView second = this.budgets.version(board, year, b);
		model.addAttribute("first", first);
		model.addAttribute("second", second);
		model.addAttribute("rows", comparison(first.content(), second.content(), locale));
		return "budget/compare";
	}

	@GetMapping("/budget/{board}/{year}/versions/{number}/export.xlsx")
	ResponseEntity<byte[]> exportWorkbook(@PathVariable String board, @PathVariable int year,
			@PathVariable int number) {
		VersionView view = this.budgets.version(board, year, number);
		return download(BudgetExport.workbook(view),
				"budget-" + view.board().getCode() + "-" + year + "-v" + number + ".xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	@GetMapping("/budget/{board}/{year}/versions/{number}/datapackage.zip")
	ResponseEntity<byte[]> exportDataPackage(@PathVariable String board, @PathVariable int year,
			@PathVariable int number) {
		VersionView view = this.budgets.version(board, year, number);
		return download(BudgetExport.fiscalDataPackage(view),
				"budget-" + view.board().getCode() + "-" + year + "-v" + number + "-datapackage.zip",
				MediaType.parseMediaType("application/zip"));
	}

	@GetMapping("/budget/import")
	@PreAuthorize(WRITERS)
	String initImport(@RequestParam(required = false) @Nullable String board,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		model.addAttribute("boards", this.organisation.boards());
		model.addAttribute("board", board);
		model.addAttribute("year", year == null ? LocalDate.now(this.clock).getYear() + 1 : year);
		return "budget/import";
	}

	@PostMapping("/budget/import")
	@PreAuthorize(WRITERS)
	String previewImport(@RequestParam String board, @RequestParam int year, @RequestParam String label,
			@RequestParam("file") MultipartFile file, Model model, Locale locale) throws IOException {
		if (file.getSize() > BudgetImport.MAX_BYTES) {
			return preview(board, year, label, file.getOriginalFilename(), new byte[BudgetImport.MAX_BYTES + 1], model,
					locale);
		}
		return preview(board, year, label, file.getOriginalFilename(), file.getBytes(), model, locale);
	}

	@PostMapping("/budget/import/save")
	@PreAuthorize(WRITERS)
	String saveImport(@RequestParam String board, @RequestParam int year, @RequestParam String label,
			@RequestParam String fileName, @RequestParam String data, Model model, Locale locale,
			RedirectAttributes redirect) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(data);
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		BudgetImport.Preview preview = BudgetImport.read(fileName, bytes, year, base(board, year));
		if (!preview.canSave()) {
			return preview(board, year, label, fileName, bytes, model, locale);
		}
		try {
			Integer basedOn = this.budgets.latest(board, year).map(VersionView::number).orElse(null);
			VersionView created = this.budgets.createVersion(board, year, label, basedOn, preview.content());
			redirect.addFlashAttribute("message", this.messages.getMessage("budget.import.saved",
					new Object[] { created.number() }, locale));
			return "redirect:/budget/" + board + "/" + year + "/versions/" + created.number();
		}
		catch (BudgetContentRejected rejected) {
			return preview(board, year, label, fileName, bytes, model, locale);
		}
		catch (RuleViolation violation) {
			model.addAttribute("error", text(violation, locale));
			return preview(board, year, label, fileName, bytes, model, locale);
		}
	}

	private String preview(String board, int year, String label, @Nullable String fileName, byte[] bytes,
			Model model, Locale locale) {
		String name = fileName == null || fileName.isBlank() ? "budget.xlsx" : fileName;
		BudgetContent base = base(board, year);
		BudgetImport.Preview preview = BudgetImport.read(name, bytes, year, base);
		VersionView view = new VersionView(this.organisation.board(board), year, 0, label.isBlank() ? name : label,
				VersionStatus.DRAFT, null, null, 0, preview.content());
		model.addAttribute("board", this.organisation.board(board));
		model.addAttribute("year", year);
		model.addAttribute("label", label);
		model.addAttribute("fileName", name);
		model.addAttribute("preview", preview);
		model.addAttribute("errors", messages(preview.errors(), locale));
		model.addAttribute("warnings", messages(preview.warnings(), locale));
		model.addAttribute("sections", preview.sections());
		model.addAttribute("data", preview.canSave() ? Base64.getEncoder().encodeToString(bytes) : "");
		model.addAttribute("tables", preview.canSave() ? tablesOf(view, null, locale) : List.of());
		return "budget/preview";
	}

	private BudgetContent base(String board, int year) {
		return this.budgets.latest(board, year).map(VersionView::content).orElse(BudgetContent.empty());
	}

	/** A failed check as the page shows it: where and what, in the user's language. */
	record FindingRow(String location, String message, boolean error) {
	}

	private List<FindingRow> messages(List<Finding> findings, Locale locale) {
		return findings.stream().map(finding -> {
			String sheet = this.messages.getMessage("budget.check.section." + finding.sheet(), null, finding.sheet(),
					locale);
			String where = new Finding(finding.severity(), sheet, finding.row(), finding.column(), finding.key(),
					finding.arguments()).location();
			Object[] arguments = finding.arguments()
				.stream()
				.map(a -> a.startsWith("budget.") ? this.messages.getMessage(a, null, a, locale) : a)
				.toArray();
			return new FindingRow(where, this.messages.getMessage(finding.key(), arguments, finding.key(), locale),
					finding.isError());
		}).toList();
	}

	record TableBlock(String heading, String html) {
	}

	private List<TableBlock> tablesOf(VersionView view, @Nullable VersionView earlier, Locale locale) {
		List<TableBlock> blocks = new ArrayList<>();
		blocks.add(new TableBlock(text("budget.import.section.ACTIVITIES", locale), this.tables.activities(view, locale)));
		blocks.add(new TableBlock(text("budget.import.section.COST_TYPES", locale), this.tables.costTypes(view, locale)));
		blocks.add(new TableBlock(text("budget.import.section.STAFF", locale), this.tables.staff(view, locale)));
		blocks.add(new TableBlock(text("budget.import.section.ASSUMPTIONS", locale),
				this.tables.assumptions(view, earlier, locale)));
		blocks.add(new TableBlock(text("budget.import.section.INVESTMENTS", locale),
				this.tables.investments(view, locale)));
		return blocks;
	}

	/** One line of a comparison: the same item in two versions, exact and in tkr. */
	record ComparisonRow(String item, @Nullable Long a, @Nullable Long b, String shownA, String shownB,
			String difference) {
	}

	private List<ComparisonRow> comparison(BudgetContent a, BudgetContent b, Locale locale) {
		List<ComparisonRow> rows = new ArrayList<>();
		java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
		a.activities().forEach(line -> codes.add(line.code()));
		b.activities().forEach(line -> codes.add(line.code()));
		for (String code : codes) {
			ActivityLine x = a.activities().stream().filter(l -> l.code().equals(code)).findFirst().orElse(null);
			ActivityLine y = b.activities().stream().filter(l -> l.code().equals(code)).findFirst().orElse(null);
			String name = (y != null ? y : x).label();
			rows.add(row(name + " – " + text("budget.import.column.EXTERNAL", locale),
					x == null ? null : x.externalRevenue(), y == null ? null : y.externalRevenue()));
			rows.add(row(name + " – " + text("budget.import.column.INTERNAL", locale),
					x == null ? null : x.internalRevenue(), y == null ? null : y.internalRevenue()));
			rows.add(row(name + " – " + text("budget.import.column.COST", locale), x == null ? null : x.cost(),
					y == null ? null : y.cost()));
		}
		for (CostType type : CostType.values()) {
			Long x = a.costType(type).map(l -> l.budget()).orElse(null);
			Long y = b.costType(type).map(l -> l.budget()).orElse(null);
			if (x != null || y != null) {
				rows.add(row(text("budget.costtype." + type, locale), x, y));
			}
		}
		rows.add(row(text("budget.import.section.INVESTMENTS", locale), a.investmentTotal(), b.investmentTotal()));
		return rows;
	}

	private static ComparisonRow row(String item, @Nullable Long a, @Nullable Long b) {
		String difference = a == null || b == null ? ""
				: se.paragraf.budget.Amounts.units(se.paragraf.budget.DisplayRounding.round(b - a, se.paragraf.budget.Amounts.TKR));
		return new ComparisonRow(item, a, b, tkr(a), tkr(b), difference);
	}

	private static String tkr(@Nullable Long ore) {
		return ore == null ? ""
				: se.paragraf.budget.Amounts.units(se.paragraf.budget.DisplayRounding.round(ore, se.paragraf.budget.Amounts.TKR));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private String text(RuleViolation violation, Locale locale) {
		return this.messages.getMessage(violation.code(), violation.arguments(), violation.code(), locale);
	}

	private static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

}
