package se.paragraf.internalcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;

import se.paragraf.Characterisation;
import se.paragraf.people.Board;
import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.people.UniqueBoards;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.text.EmbedOffer;
import se.paragraf.shared.text.RichText;

/**
 * Internal control's rules: the versioned risk matrix, common points pushed to every board of the
 * municipality, the follow-up's date, remark and lock rules, the dashboard, the Bilaga tables and
 * the reminders (whose mail is tested with the other mail in DispatchMailIntegrationTests).
 */
@SpringBootTest
@AutoConfigureMockMvc
class InternalControlIntegrationTests {

	@Autowired
	InternalControlManagement control;

	@Autowired
	Organisation organisation;

	@Autowired
	RichText richText;

	@Autowired
	MessageSource messages;

	@Autowired
	FollowUpDocument document;

	Municipality municipality;

	Board board;

	@BeforeEach
	void organisation() {
		this.municipality = UniqueBoards.municipality(this.organisation);
		this.board = UniqueBoards.board(this.organisation, this.municipality);
		this.control.defineMatrix(this.municipality.getId(), List.of("Låg", "Medel", "Hög", "Mycket hög"),
				List.of("Liten", "Måttlig", "Stor", "Allvarlig"));
	}

	@Test
	void pushesCommonPointsToEveryBoardOfTheMunicipalityTheJointBoardIncluded() {
		Municipality partner = UniqueBoards.municipality(this.organisation);
		Board joint = UniqueBoards.jointBoard(this.organisation, partner, this.municipality);
		Board elsewhere = UniqueBoards.board(this.organisation, partner);
		ControlPlan common = commonPlan(2023);
		point(common, "Följs checklistan för introduktion vid nyanställning?");

		assertThat(this.control.boardsFollowing(common)).extracting(Board::getCode)
			.contains(this.board.getCode(), joint.getCode())
			.doesNotContain(elsewhere.getCode());
		assertThat(this.control.applicablePoints(joint.getId(), 2023)).hasSize(1);
		assertThat(this.control.applicablePoints(elsewhere.getId(), 2023)).isEmpty();
	}

	@Test
	void listsCommonPointsBeforeTheBoardsOwn() {
		point(boardPlan(2023), "Anmäls riskobservationer och tillbud i KIA systemet?");
		point(commonPlan(2023), "Följs koncernens projektmodell?");

		assertThat(this.control.applicablePoints(this.board.getId(), 2023))
			.extracting(a -> a.plan().getOrigin())
			.containsExactly(Origin.COMMON, Origin.BOARD);
	}

	@Test
	void rejectsADuplicateControlPointAlsoAgainstTheCommonOnes() {
		point(commonPlan(2023), "Följs koncernens projektmodell?");
		ControlPlan own = boardPlan(2023);

		assertThatThrownBy(() -> point(own, "  följs koncernens   projektmodell "))
			.isInstanceOfSatisfying(RuleViolation.class, ex -> assertThat(ex.field()).isEqualTo("question"))
			.hasMessage("internalcontrol.point.duplicate");
		assertThat(this.control.points(own.getId())).isEmpty();
	}

	@Test
	void rejectsAScoreOutsideTheMatrix() {
		RiskAnalysis analysis = this.control.startAnalysis(Origin.BOARD, null, this.board.getCode(), 2023);

		assertThatThrownBy(() -> this.control.addRisk(analysis.getId(), "Arbetsmiljö", "Tillbud anmäls inte", 5, 2, ""))
			.isInstanceOfSatisfying(RuleViolation.class, ex -> assertThat(ex.field()).isEqualTo("likelihood"))
			.hasMessage("internalcontrol.risk.outsideMatrix");
		assertThatThrownBy(() -> this.control.addRisk(analysis.getId(), "Arbetsmiljö", "Tillbud anmäls inte", 2, 0, ""))
			.hasMessage("internalcontrol.risk.outsideMatrix");
		assertThat(this.control.risks(analysis.getId())).isEmpty();
	}

	@Test
	void keepsAStartedAnalysisOnItsMatrixUntilItIsRemappedExplicitly() {
		RiskAnalysis analysis = this.control.startAnalysis(Origin.BOARD, null, this.board.getCode(), 2023);
		Risk risk = this.control.addRisk(analysis.getId(), "Styrning", "Projekt utan modell", 4, 3, "Ofta");
		RiskMatrix smaller = this.control.defineMatrix(this.municipality.getId(), List.of("Låg", "Medel", "Hög"),
				List.of("Liten", "Stor", "Allvarlig"));

		assertThat(this.control.analysis(analysis.getId()).getMatrixId()).isNotEqualTo(smaller.getId());
		assertThatThrownBy(() -> this.control.remap(analysis.getId(), smaller.getId(), List.of(1, 2, 3), List.of(1, 2, 2, 3)))
			.hasMessage("internalcontrol.matrix.mapSize");
		assertThatThrownBy(() -> this.control.remap(analysis.getId(), smaller.getId(), List.of(1, 2, 3, 4), List.of(1, 2, 2, 3)))
			.hasMessage("internalcontrol.risk.outsideMatrix");

		this.control.remap(analysis.getId(), smaller.getId(), List.of(1, 2, 3, 3), List.of(1, 2, 2, 3));

		assertThat(this.control.analysis(analysis.getId()).getMatrixId()).isEqualTo(smaller.getId());
		Risk rescored = this.control.risk(risk.getId());
		assertThat(List.of(rescored.getLikelihood(), rescored.getConsequence(), rescored.getScore())).containsExactly(3, 2, 6);
		assertThat(smaller.getMatrixVersion()).isEqualTo(2);
	}

	@Test
	void requiresARemarkWhenTheResultIsWithRemark() {
		ControlPoint point = point(commonPlan(2023), "Följs koncernens projektmodell?");

		assertThatThrownBy(() -> this.control.recordFollowUp(point.getId(), this.board.getId(), 2023,
				content(FollowUpResult.WITH_REMARK, "  ")))
			.isInstanceOfSatisfying(RuleViolation.class, ex -> assertThat(ex.field()).isEqualTo("remark"))
			.hasMessage("internalcontrol.followUp.remarkRequired");
		assertThat(this.control.currentFollowUp(point.getId(), this.board.getId(), 2023)).isEmpty();
	}

	@Test
	void rejectsAFollowUpForAPeriodThatHasNotStarted() {
		ControlPoint point = point(commonPlan(2099), "Följs koncernens projektmodell?");

		assertThatThrownBy(() -> this.control.recordFollowUp(point.getId(), this.board.getId(), 2099,
				new FollowUpContent(true, FollowUpResult.NO_REMARK, null, LocalDate.of(2099, 3, 1), List.of())))
			.hasMessage("internalcontrol.followUp.periodNotStarted");
	}

	@Test
	void rejectsAResultForAControlNotPerformedAndAFollowUpByABoardOutsideThePlan() {
		ControlPoint point = point(boardPlan(2023), "Anmäls riskobservationer?");
		Board other = UniqueBoards.board(this.organisation, this.municipality);

		assertThatThrownBy(() -> this.control.recordFollowUp(point.getId(), this.board.getId(), 2023,
				new FollowUpContent(false, FollowUpResult.NO_REMARK, null, LocalDate.of(2023, 8, 30), List.of())))
			.hasMessage("internalcontrol.followUp.resultWithoutControl");
		assertThatThrownBy(() -> this.control.recordFollowUp(point.getId(), other.getId(), 2023,
				content(FollowUpResult.NO_REMARK, null)))
			.hasMessage("internalcontrol.followUp.notTheBoardsPoint");
		assertThatThrownBy(() -> this.control.recordFollowUp(point.getId(), this.board.getId(), 2023,
				new FollowUpContent(true, FollowUpResult.NO_REMARK, null, LocalDate.of(2023, 8, 30),
						List.of(new Measure(MeasureKind.PROPOSED, "Utbilda", " ", LocalDate.of(2024, 3, 1))))))
			.hasMessage("internalcontrol.followUp.measureIncomplete");
	}

	@Test
	void locksASubmittedFollowUpAndKeepsItWhenCorrected() {
		ControlPoint point = point(commonPlan(2023), "Följs koncernens projektmodell?");
		FollowUp draft = this.control.recordFollowUp(point.getId(), this.board.getId(), 2023,
				content(FollowUpResult.NO_REMARK, null));
		FollowUp submitted = this.control.submit(draft.getId(), draft.getVersion());

		assertThatThrownBy(() -> this.control.recordFollowUp(point.getId(), this.board.getId(), 2023,
				content(FollowUpResult.WITH_REMARK, "Mallar används som stöd")))
			.isInstanceOf(FollowUpLocked.class);
		assertThatThrownBy(() -> this.control.submit(submitted.getId(), submitted.getVersion()))
			.isInstanceOf(FollowUpLocked.class);

		FollowUp correction = this.control.correct(submitted.getId(), new FollowUpContent(true,
				FollowUpResult.WITH_REMARK, "Mallar används som stöd", LocalDate.of(2023, 9, 1),
				List.of(new Measure(MeasureKind.PROPOSED, "Förenkla mallarna", "IT-chef", LocalDate.of(2024, 3, 31)))),
				"Stickprovet var ofullständigt");

		assertThat(this.control.history(point.getId(), this.board.getId(), 2023)).extracting(FollowUp::getId)
			.containsExactly(submitted.getId(), correction.getId());
		assertThat(this.control.followUp(submitted.getId()).getResult()).isEqualTo(FollowUpResult.NO_REMARK);
		assertThat(this.control.followUp(submitted.getId()).getReplacedById()).isEqualTo(correction.getId());
		assertThat(correction.isSubmitted()).isTrue();
		assertThat(this.control.currentFollowUp(point.getId(), this.board.getId(), 2023)).get()
			.extracting(FollowUp::getId)
			.isEqualTo(correction.getId());
		assertThatThrownBy(() -> this.control.correct(submitted.getId(), content(FollowUpResult.NO_REMARK, null), "Igen"))
			.hasMessage("internalcontrol.followUp.alreadyCorrected");
		assertThatThrownBy(() -> this.control.addEvidence(correction.getId(), "stickprov.pdf", "application/pdf",
				new byte[] { 1 }))
			.isInstanceOf(FollowUpLocked.class);
	}

	@Test
	void keepsEvidenceWithTheDraftAndItsCorrection() {
		ControlPoint point = point(commonPlan(2023), "Följs checklistan?");
		FollowUp draft = this.control.recordFollowUp(point.getId(), this.board.getId(), 2023,
				content(FollowUpResult.NO_REMARK, null));
		this.control.addEvidence(draft.getId(), "checklista.pdf", "application/pdf", "%PDF-1.4".getBytes());
		FollowUp submitted = this.control.submit(draft.getId(), this.control.followUp(draft.getId()).getVersion());

		FollowUp correction = this.control.correct(submitted.getId(), content(FollowUpResult.NO_REMARK, null), "Datum");

		assertThat(this.control.evidence(correction.getId())).extracting(FollowUpEvidence::getFilename)
			.containsExactly("checklista.pdf");
		assertThat(this.control.evidenceContent(this.control.evidence(correction.getId()).get(0))).startsWith("%PDF".getBytes());
	}

	@Test
	void showsOnTheDashboardWhatIsNotYetFollowedUpAndTheDueDate() {
		ControlPoint done = point(commonPlan(2023), "Följs checklistan?");
		point(commonPlan(2023), "Följs koncernens projektmodell?");
		FollowUp followUp = this.control.recordFollowUp(done.getId(), this.board.getId(), 2023,
				content(FollowUpResult.NO_REMARK, null));
		this.control.submit(followUp.getId(), followUp.getVersion());

		InternalControlManagement.BoardStatus status = this.control.dashboard(2023)
			.stream()
			.filter(s -> s.board().getId().equals(this.board.getId()))
			.findFirst()
			.orElseThrow();

		assertThat(status.due()).isEqualTo(LocalDate.of(2024, 1, 31));
		assertThat(status.missing()).extracting(p -> p.point().getQuestion()).containsExactly("Följs koncernens projektmodell?");
		assertThat(status.overdue()).isTrue();
		assertThat(this.control.consolidatedReport(this.municipality.getId(), 2023)).extracting(s -> s.board().getId())
			.contains(this.board.getId());
	}

	@Test
	void rendersTheFollowUpAsTheSeedsBilagaTables() {
		ControlPoint checklist = point(commonPlan(2023), "Följs checklistan för introduktion vid nyanställning?");
		ControlPoint model = point(commonPlan(2023), "Följs koncernens projektmodell?");
		ControlPoint kia = point(boardPlan(2023), "Anmäls riskobservationer och tillbud i KIA systemet?");
		submit(checklist, content(FollowUpResult.NO_REMARK, null));
		submit(model, new FollowUpContent(true, FollowUpResult.WITH_REMARK,
				"Mallar används som stöd, men <b>nyttan</b> varierar.", LocalDate.of(2023, 8, 30),
				List.of(new Measure(MeasureKind.PROPOSED, "Förenkla mallarna", "IT-chef", LocalDate.of(2024, 3, 31)))));
		submit(kia, content(FollowUpResult.NO_REMARK, null));

		String bilaga1 = this.richText
			.toHtml("{{internalcontrol.followup board=" + this.board.getCode() + " year=2023 origin=common rows=3}}");
		String bilaga2 = this.richText
			.toHtml("{{internalcontrol.followup board=" + this.board.getCode() + " year=2023 origin=board rows=4}}");

		assertThat(rows(bilaga1)).startsWith(
				List.of("Kontrollpunkt", "Kontroll utförd", "Resultat", "Anmärkning", "Vidtagna/föreslagna förbättringsåtgärder"),
				List.of("Ja", "Nej", "UA", "MA"),
				List.of("1 Följs checklistan för introduktion vid nyanställning?", "x", "", "x", "", "", ""))
			.contains(List.of("3", "", "", "", "", "", ""));
		assertThat(rows(bilaga1).get(3)).startsWith("2 Följs koncernens projektmodell?", "x", "", "", "x");
		assertThat(bilaga1).contains("<th id=\"followup-" + this.board.getCode().toLowerCase() + "-2023-common-point\" scope=\"col\" rowspan=\"2\">")
			.contains("Mallar används som stöd, men &lt;b&gt;nyttan&lt;/b&gt; varierar.")
			.contains("Föreslagen: Förenkla mallarna (IT-chef, 2024-03-31)")
			.doesNotContain("KIA");
		assertThat(bilaga2).contains("1 Anmäls riskobservationer och tillbud i KIA systemet?")
			.doesNotContain("projektmodell");
		assertThat(rows(bilaga2)).contains(List.of("4", "", "", "", "", "", ""));
		Map<String, String> board = Map.of("BOARD", this.board.getCode());
		FollowUpTableBeforeFragments before = new FollowUpTableBeforeFragments(this.messages);
		List<InternalControlManagement.PointStatus> points = this.control.status(this.board, 2023).points();
		assertThat(bilaga1).isEqualTo("<div class=\"embed embed-internalcontrol\">"
				+ before.table(FollowUpDocument.tableId(this.board, 2023, Origin.COMMON),
						points.stream().filter(p -> p.plan().getOrigin() == Origin.COMMON).toList(), 3)
				+ "</div>");
		assertThat(bilaga2).isEqualTo("<div class=\"embed embed-internalcontrol\">"
				+ before.table(FollowUpDocument.tableId(this.board, 2023, Origin.BOARD),
						points.stream().filter(p -> p.plan().getOrigin() == Origin.BOARD).toList(), 4)
				+ "</div>");
		assertThat(before.table("none", List.of(), 0)).isEqualTo(this.document.table("none", List.of(), 0));
		Characterisation.assertUnchanged("internalcontrol-points", this.richText
			.toHtml("{{internalcontrol.points board=" + this.board.getCode() + " year=2023 origin=common}}"), board);
	}

	@Test
	void offersTheFollowUpTablesOfEveryYearOfTheBoardsOwnPlansNewestFirst() {
		boardPlan(2023);
		boardPlan(2025);
		Board other = UniqueBoards.board(this.organisation, this.municipality);
		this.control.createPlan(Origin.BOARD, null, other.getCode(), 2024, null, null, null);
		String code = this.board.getCode();

		assertThat(this.document.offers(code)).extracting(EmbedOffer::token)
			.containsExactly("{{internalcontrol.followup board=" + code + " year=2025 origin=common}}",
					"{{internalcontrol.followup board=" + code + " year=2025 origin=board}}",
					"{{internalcontrol.followup board=" + code + " year=2023 origin=common}}",
					"{{internalcontrol.followup board=" + code + " year=2023 origin=board}}");
		assertThat(this.document.offers("NOSUCHBOARD")).isEmpty();
	}

	/**
	 * WCAG 1.3.1 for a table with two header rows (H43): every header cell has an id, and every data cell
	 * names exactly the headers of its row and its columns, as HTML_CodeSniffer works them out.
	 */
	@Test
	void everyFollowUpCellNamesItsRowAndColumnHeaders() {
		submit(point(commonPlan(2023), "Följs checklistan för introduktion vid nyanställning?"),
				content(FollowUpResult.NO_REMARK, null));
		String html = this.richText
			.toHtml("{{internalcontrol.followup board=" + this.board.getCode() + " year=2023 origin=common rows=3}}\n\n"
					+ "{{internalcontrol.followup board=" + this.board.getCode() + " year=2023 origin=board rows=2}}");
		Document page = Jsoup.parseBodyFragment(html);

		assertThat(page.select("table.followup")).hasSize(2);
		assertThat(page.select("th")).allSatisfy(th -> assertThat(th.id()).as(th.outerHtml()).isNotBlank());
		List<String> ids = page.select("[id]").eachAttr("id");
		assertThat(ids).doesNotHaveDuplicates();
		for (Element table : page.select("table.followup")) {
			Map<Element, Set<String>> expected = expectedHeaders(table);
			assertThat(table.select("td")).isNotEmpty().allSatisfy(td -> assertThat(
					Set.of(td.attr("headers").split("\\s+"))).as(td.outerHtml()).isEqualTo(expected.get(td)));
			assertThat(table.select("td")).allSatisfy(td -> assertThat(expected.get(td)).hasSize(td.hasClass("mark") ? 3 : 2));
		}
	}

	/** Each cell's text, row by row. */
	private static List<List<String>> rows(String html) {
		return Jsoup.parseBodyFragment(html)
			.select("table.followup tr")
			.stream()
			.map(tr -> tr.children().stream().map(Element::text).toList())
			.toList();
	}

	/** The ids of the header cells above and to the left of each data cell, spans laid out on a grid. */
	private static Map<Element, Set<String>> expectedHeaders(Element table) {
		Map<Integer, Map<Integer, Element>> grid = new HashMap<>();
		Elements trs = table.select("tr");
		for (int r = 0; r < trs.size(); r++) {
			int c = 0;
			for (Element cell : trs.get(r).children()) {
				while (grid.getOrDefault(r, Map.of()).containsKey(c)) {
					c++;
				}
				int rowspan = cell.hasAttr("rowspan") ? Integer.parseInt(cell.attr("rowspan")) : 1;
				int colspan = cell.hasAttr("colspan") ? Integer.parseInt(cell.attr("colspan")) : 1;
				for (int i = r; i < r + rowspan; i++) {
					for (int j = c; j < c + colspan; j++) {
						grid.computeIfAbsent(i, k -> new HashMap<>()).put(j, cell);
					}
				}
				c += colspan;
			}
		}
		Map<Element, Set<String>> expected = new HashMap<>();
		grid.forEach((r, row) -> row.forEach((c, cell) -> {
			if (!cell.tagName().equals("td")) {
				return;
			}
			Set<String> headers = new HashSet<>();
			for (int i = 0; i < r; i++) {
				Element above = grid.get(i).get(c);
				if (above != null && above.tagName().equals("th")) {
					headers.add(above.id());
				}
			}
			for (int j = 0; j < c; j++) {
				Element left = row.get(j);
				if (left != null && left.tagName().equals("th")) {
					headers.add(left.id());
				}
			}
			expected.put(cell, headers);
		}));
		return expected;
	}

	private ControlPlan commonPlan(int year) {
		return this.control.plans(year)
			.stream()
			.filter(p -> p.getOrigin() == Origin.COMMON && p.getMunicipalityId().equals(this.municipality.getId()))
			.findFirst()
			.orElseGet(() -> this.control.createPlan(Origin.COMMON, this.municipality.getId(), null, year, null,
					"Kommunstyrelsen 2022-11-01 § 138", LocalDate.of(2022, 11, 1)));
	}

	private ControlPlan boardPlan(int year) {
		return this.control.boardPlan(this.board.getId(), year)
			.orElseGet(() -> this.control.createPlan(Origin.BOARD, null, this.board.getCode(), year, null, null, null));
	}

	private ControlPoint point(ControlPlan plan, String question) {
		return this.control.addPoint(plan.getId(),
				new ControlPointDefinition(question, null, "Stickprov", "En gång per år", null, "IT-chef", "Nämnden"));
	}

	private void submit(ControlPoint point, FollowUpContent content) {
		FollowUp followUp = this.control.recordFollowUp(point.getId(), this.board.getId(), 2023, content);
		this.control.submit(followUp.getId(), followUp.getVersion());
	}

	private static FollowUpContent content(FollowUpResult result, String remark) {
		return new FollowUpContent(true, result, remark, LocalDate.of(2023, 8, 30), List.of());
	}

}
