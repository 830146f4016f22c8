package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.MatterStatus;
import se.paragraf.people.Organisation;
import se.paragraf.publication.AppealPeriod;
import se.paragraf.publication.NoticeBoard;
import se.paragraf.publication.PublicNotice;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.SignedIn;
import se.paragraf.shared.security.Role;
import se.paragraf.shared.events.EventPublications;
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.Meetings;

/**
 * Minutes and their certification: numbered sections in the PDF, signatures by the chair and the
 * checker only after re-authentication, a PAdES seal that verifies, and immutability afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
public class CertificationIntegrationTests {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	EventPublications events;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	Certification certification;

	@Autowired
	AccountService accounts;

	@Autowired
	FileStore files;

	@Autowired
	NoticeBoard noticeBoard;

	@Autowired
	MockMvc mvc;

	ConductFixtures f;

	String chairUser;

	String checkerUser;

	String memberUser;

	@BeforeEach
	void heldMeeting() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
		this.f.holdMeeting(this.conduct, this.planning);
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		this.chairUser = "chair-" + suffix;
		this.checkerUser = "checker-" + suffix;
		this.memberUser = "member-" + suffix;
		this.accounts.create(this.chairUser, PASSWORD, EnumSet.of(Role.MEMBER), this.f.chair());
		this.accounts.create(this.checkerUser, PASSWORD, EnumSet.of(Role.MEMBER), this.f.member1());
		this.accounts.create(this.memberUser, PASSWORD, EnumSet.of(Role.MEMBER), this.f.member2());
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}


	Long id() {
		return this.f.meeting().getId();
	}

	@Test
	void theMinutesNumberTheSectionsAndListTheAttendance() throws IOException {
		Minutes minutes = this.certification.draw(id());
		String text = text(this.certification.pdf(minutes));
		assertThat(text).contains("Protokoll", "§§ 1–5", "§ 1 Val av justerare", "§ 3 Detaljbudget 2024",
				"Nämnden godkänner driftdetaljbudgeten för 2024.", "Beslutet skickas till", "Kommunstyrelsen för kännedom",
				"hänskjuter ärendet till extra sammanträdet 3 oktober 2024", "Justerare", "Övriga närvarande");
		assertThat(minutes.getHtml()).contains("§ 4 Sammanträdesplan 2024");
		assertThat(minutes.getSectionRange()).isEqualTo("§§ 1–5");
	}

	@Test
	void anExtractCarriesTheAttestation() throws Exception {
		this.certification.draw(id());
		byte[] extract = this.certification.extractPdf(id(), 3);
		assertPdfA2u(extract);
		String text = text(extract);
		assertThat(text).contains("Protokollsutdrag", "§ 3 Detaljbudget 2024", "Utdragsbestyrkande")
			.doesNotContain("§ 4 Sammanträdesplan");
	}

	@Test
	void theMinutesAndTheExtractKeepTheirWording() throws Exception {
		ConductFixtures g = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
		Long id = g.meeting().getId();
		Long budget = g.matterItem(this.planning, g.budget()).getId();
		Long schedule = g.matterItem(this.planning, g.schedule()).getId();
		long v = this.conduct.recordAttendance(id, 0, g.allPresent(), "Anna Källsved, IT-chef").getVersion();
		v = this.conduct.electCheckers(id, v, List.of(g.member1()), "Digitalt", java.time.LocalDateTime.of(2023, 12, 12, 9, 0))
			.getVersion();
		v = this.conduct.decide(id, v, g.item(this.planning, AgendaItemKind.EXTRA_ITEMS).getId(),
				new MeetingConduct.DecisionCommand(DecisionOutcome.NOTED, "Inga extra ärenden anmäls.", null, null, null,
						null, null))
			.getVersion();
		v = this.conduct.declareConflicts(id, v, schedule, List.of(g.member2())).getVersion();
		v = this.conduct.decide(id, v, budget, new MeetingConduct.DecisionCommand(DecisionOutcome.APPROVED, null, null,
				null, List.of(new Proposal(null, "Godkänn budgeten."), new Proposal(g.member2(), "Avslå budgeten.")),
				"Ordföranden ställer förslagen mot varandra.", List.of(new Vote(g.chair(), VoteChoice.YES),
						new Vote(g.member1(), VoteChoice.NO), new Vote(g.member2(), VoteChoice.ABSTAIN))))
			.getVersion();
		v = this.conduct.dissent(id, v, budget, g.member1(), null).getVersion();
		v = this.conduct.dissent(id, v, budget, g.member2(), "Budgeten är för hög.").getVersion();
		v = this.conduct.decide(id, v, schedule, new MeetingConduct.DecisionCommand(DecisionOutcome.REFERRED, null, null,
				g.later().getId(), null, null, null))
			.getVersion();
		v = this.conduct.decide(id, v, g.item(this.planning, AgendaItemKind.ORAL_INFORMATION).getId(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.NOTED))
			.getVersion();
		this.conduct.close(id, v);
		Minutes draft = this.certification.draw(id);
		java.util.Map<String, String> variables = java.util.Map.of("BOARD", g.board().code(), "BOARD_NAME",
				g.board().board().getName(), "CHAIR", name(g.chair()), "MEMBER_ONE", name(g.member1()), "MEMBER_TWO",
				name(g.member2()), "SUBSTITUTE", name(g.substitute()), "BUDGET_DIARY",
				g.budget().getDiaryNumber().toString(), "SCHEDULE_DIARY", g.schedule().getDiaryNumber().toString());
		se.paragraf.Characterisation.assertUnchanged("minutes-html", draft.getHtml(), variables);
		assertThat(text(this.certification.extractPdf(id, 3)).replaceAll("\\s+", " "))
			.contains("Utdrag ur ej justerat protokoll.");

		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create("chair-" + suffix, PASSWORD, EnumSet.of(Role.MEMBER), g.chair());
		this.accounts.create("checker-" + suffix, PASSWORD, EnumSet.of(Role.MEMBER), g.member1());
		for (String who : List.of("chair-", "checker-")) {
			SignedIn.as(this.accounts, who + suffix);
			this.certification.sign(id, PASSWORD, draft.getPdfSha256());
		}
		Minutes certified = this.certification.certified(id).orElseThrow();
		String names = certified.getSignatures().stream().map(Signature::name)
			.collect(java.util.stream.Collectors.joining(", "));
		assertThat(text(this.certification.extractPdf(id, 3)).replaceAll("\\s+", " "))
			.contains("Utdragets riktighet bestyrks. Protokollet justerat "
					+ java.time.LocalDate.ofInstant(certified.getCertifiedAt(), se.paragraf.shared.Sweden.ZONE) + " av " + names
					+ "; PDF SHA-256");
		try (PDDocument sealed = Loader.loadPDF(this.certification.pdf(certified))) {
			assertThat(sealed.getSignatureDictionaries().get(0).getReason()).isEqualTo("Justerat protokoll §§ 1–5");
		}
	}

	String name(Long personId) {
		return this.organisation.person(personId).getFullName();
	}

	@Test
	void theChairAndTheCheckerCertifyAndThePdfIsSealed() throws Exception {
		Minutes draft = this.certification.draw(id());
		SignedIn.as(this.accounts, this.chairUser);
		Minutes signed = this.certification.sign(id(), PASSWORD, draft.getPdfSha256());
		assertThat(signed.isCertified()).isFalse();
		assertThat(signed.getSignatures()).singleElement()
			.satisfies(s -> assertThat(s.pdfSha256()).isEqualTo(FileStore.sha256Hex(this.certification.pdf(draft))))
			.satisfies(s -> assertThat(s.role()).isEqualTo(Signature.SignerRole.CHAIR));
		SignedIn.as(this.accounts, this.checkerUser);
		Minutes certified = this.certification.sign(id(), PASSWORD, draft.getPdfSha256());
		assertThat(certified.isCertified()).isTrue();
		assertThat(this.planning.meeting(id()).getStatus()).isEqualTo(MeetingStatus.MINUTES_CERTIFIED);

		byte[] sealed = this.certification.pdf(certified);
		byte[] approved = this.files.read(certified.getPdfKey(), certified.getPdfSha256());
		// The signers approved the draft, which stays stored under the checksum their signatures name; the
		// seal is laid on the same record drawn as certified: no draft mark, and a block naming who signed.
		assertThat(certified.getSignatures()).allSatisfy(s -> assertThat(s.pdfSha256()).isEqualTo(FileStore.sha256Hex(approved)));
		assertThat(text(approved)).contains("UTKAST").doesNotContain("Justerat digitalt");
		assertThat(text(sealed)).doesNotContain("UTKAST").contains("Justerat digitalt");
		verifyPades(sealed);
		assertPdfA2u(approved);
		assertPdfA2u(sealed);
		assertThat(FileStore.sha256Hex(sealed)).isEqualTo(certified.getSignedPdfSha256());
	}

	@Test
	void certifiedMinutesAndExtractsCarryAnETagAndAnswerConditionalRequests() throws Exception {
		Minutes draft = this.certification.draw(id());
		SignedIn.as(this.accounts, this.chairUser);
		this.certification.sign(id(), PASSWORD, draft.getPdfSha256());
		SignedIn.as(this.accounts, this.checkerUser);
		Minutes certified = this.certification.sign(id(), PASSWORD, draft.getPdfSha256());
		SecurityContextHolder.clearContext();
		int version = certified.getVersionNumber();
		// The newest version is revalidated (a correction may follow); a numbered version never changes.
		assertCachedAndConditional("/public/meetings/" + id() + "/minutes", "no-cache");
		assertCachedAndConditional("/public/meetings/" + id() + "/minutes.pdf", "no-cache");
		assertCachedAndConditional("/public/meetings/" + id() + "/minutes/" + version, "immutable");
		assertCachedAndConditional("/public/meetings/" + id() + "/minutes/" + version + ".pdf", "immutable");
		assertCachedAndConditional("/public/meetings/" + id() + "/minutes/sections/3.pdf", "no-cache");
	}

	void assertCachedAndConditional(String path, String cacheControl) throws Exception {
		MockHttpServletResponse first = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString(cacheControl)))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("public")))
			.andExpect(header().exists(HttpHeaders.ETAG))
			.andReturn()
			.getResponse();
		this.mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, first.getHeader(HttpHeaders.ETAG)))
			.andExpect(status().isNotModified())
			.andExpect(header().string(HttpHeaders.ETAG, first.getHeader(HttpHeaders.ETAG)));
	}

	static void verifyPades(byte[] sealed) throws Exception {
		try (PDDocument document = Loader.loadPDF(sealed)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			assertThat(signatures).hasSize(1);
			PDSignature signature = signatures.get(0);
			assertThat(signature.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
			int[] range = signature.getByteRange();
			// The signature covers the whole file except its own contents.
			assertThat(range[0]).isZero();
			assertThat((long) range[2] + range[3]).isEqualTo(sealed.length);
			byte[] contents = signature.getContents(sealed);
			byte[] signedContent = signature.getSignedContent(sealed);
			// The contents are zero-padded to their reserved size; read the one DER object they hold.
			ContentInfo info = ContentInfo.getInstance(new ASN1InputStream(contents).readObject());
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), info);
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates()
				.getMatches(signer.getSID())
				.iterator()
				.next();
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
			assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
			assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
		}
	}

	@Test
	void certificationIsPostedOnEveryPartnersNoticeBoardAndTheAppealPeriodFollowsTheLastPosting() {
		Minutes certified = certify();
		LocalDate certifiedOn = LocalDate.ofInstant(certified.getCertifiedAt(), se.paragraf.shared.Sweden.ZONE);
		List<PublicNotice> posted = this.noticeBoard.notices(id());
		assertThat(posted).hasSize(2).allSatisfy(n -> {
			assertThat(n.getPostedOn()).isEqualTo(certifiedOn);
			assertThat(n.getAppealEndsOn()).isEqualTo(AppealPeriod.endsOn(List.of(certifiedOn)));
			assertThat(n.getSectionRange()).isEqualTo("§§ 1–5");
		});
		PublicNotice later = this.noticeBoard.post(posted.get(1).getId(), certifiedOn.plusDays(2));
		assertThat(this.noticeBoard.notices(id())).allSatisfy(n -> assertThat(n.getAppealEndsOn())
			.isEqualTo(AppealPeriod.endsOn(List.of(certifiedOn.plusDays(2)))));
		LocalDate ends = this.noticeBoard.notice(later.getId()).getAppealEndsOn();
		assertThat(this.noticeBoard.inForce(id(), 3, ends)).isFalse();
		assertThat(this.noticeBoard.inForce(id(), 3, ends.plusDays(1))).isTrue();
		this.noticeBoard.registerAppeal(id(), 3, ends, "Överklagande från kommunmedlem");
		assertThat(this.noticeBoard.inForce(id(), 3, ends.plusDays(1))).isFalse();
		assertThat(this.noticeBoard.inForce(id(), 4, ends.plusDays(1))).isTrue();
	}

	@Test
	void theNoticeBoardFeedAnnouncesTheCertificationWithALinkToTheMinutes() throws Exception {
		Minutes certified = certify();
		String code = this.organisation.municipality(this.f.board().board().getHostMunicipalityId()).getCode();

		MockHttpServletResponse response = this.mvc.perform(get("/public/notice-boards/{code}/feed.atom", code))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(response.getContentType()).startsWith("application/atom+xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Element feed = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.getContentAsByteArray()))
			.getDocumentElement();
		assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(feed.getElementsByTagNameNS("*", "id").item(0).getTextContent())
			.isEqualTo("urn:paragraf:notice-board:" + code);
		NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
		assertThat(entries.getLength()).isEqualTo(1);
		Element entry = (Element) entries.item(0);
		assertThat(entry.getElementsByTagNameNS("*", "title").item(0).getTextContent())
			.isEqualTo("Justerat protokoll: " + this.f.board().board().getName() + " 2023-12-05 (§§ 1–5)");
		assertThat(((Element) entry.getElementsByTagNameNS("*", "link").item(0)).getAttribute("href"))
			.endsWith("/public/meetings/" + id() + "/minutes/" + certified.getVersionNumber());
		LocalDate certifiedOn = LocalDate.ofInstant(certified.getCertifiedAt(), se.paragraf.shared.Sweden.ZONE);
		assertThat(entry.getElementsByTagNameNS("*", "updated").item(0).getTextContent())
			.startsWith(certifiedOn + "T00:00:00+0");
		assertThat(entry.getElementsByTagNameNS("*", "summary").item(0).getTextContent())
			.contains("justerades " + certifiedOn, "förvaltningsrätten senast");
	}

	@Test
	void certificationMarksTheApprovedMatterDecidedAndLeavesTheReferredOneOnTheAgenda() {
		certify();

		assertThat(this.register.matter(this.f.budget().getId()).getStatus()).isEqualTo(MatterStatus.DECIDED);
		assertThat(this.register.matter(this.f.schedule().getId()).getStatus()).isEqualTo(MatterStatus.ON_AGENDA);
	}

	@Test
	void aFeedForAMunicipalityThatDoesNotExistIsNotFound() throws Exception {
		this.mvc.perform(get("/public/notice-boards/{code}/feed.atom", "ingen-kommun")).andExpect(status().isNotFound());
	}

	@Test
	void refusesAWrongPasswordAndSignsNothing() {
		this.certification.draw(id());
		SignedIn.as(this.accounts, this.chairUser);
		assertThatThrownBy(() -> this.certification.sign(id(), "wrong", null)).isInstanceOf(RuleViolation.class)
			.hasMessage("certification.password.wrong");
		assertThat(this.certification.latest(id()).orElseThrow().getSignatures()).isEmpty();
	}

	@Test
	void refusesASignatureBySomeoneWhoIsNeitherChairNorChecker() {
		this.certification.draw(id());
		SignedIn.as(this.accounts, this.memberUser);
		assertThatThrownBy(() -> this.certification.sign(id(), PASSWORD, null)).isInstanceOf(RuleViolation.class)
			.hasMessage("certification.notSigner");
		assertThat(this.certification.latest(id()).orElseThrow().getSignatures()).isEmpty();
	}

	@Test
	void certifiedMinutesAreImmutableAndACorrectionIsANewVersion() throws Exception {
		certify();
		MeetingRecord record = this.conduct.record(id()).orElseThrow();
		Long budgetItem = this.f.matterItem(this.planning, this.f.budget()).getId();
		assertThatThrownBy(() -> this.certification.sign(id(), PASSWORD, null)).isInstanceOf(RuleViolation.class)
			.hasMessage("minutes.alreadyCertified");
		assertThatThrownBy(() -> this.conduct.dissent(id(), record.getVersion(), budgetItem, this.f.member2(), null))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.dissent.afterCertification");
		assertThatThrownBy(() -> this.conduct.decide(id(), record.getVersion(), budgetItem,
				MeetingConduct.DecisionCommand.of(DecisionOutcome.REJECTED)))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("minutes.certified.immutable");
		assertThatThrownBy(() -> this.certification.draw(id())).isInstanceOf(RuleViolation.class)
			.hasMessage("minutes.certified.immutable");

		MeetingRecord correcting = this.certification.correct(id(), record.getVersion(), "Fel årtal i § 3.");
		assertThat(this.mvc.perform(get("/public/meetings/{id}/minutes/sections/3.pdf", id())).andReturn().getResponse()
			.getStatus()).as("no public extract of uncertified text while a correction is open").isEqualTo(404);
		this.conduct.decide(id(), correcting.getVersion(), budgetItem,
				new MeetingConduct.DecisionCommand(DecisionOutcome.APPROVED, "Nämnden godkänner budgeten för 2024.", null,
						null, null, null, null));
		Minutes second = this.certification.draw(id());
		assertThat(second.getVersionNumber()).isEqualTo(2);
		assertThat(second.getCorrectionReason()).isEqualTo("Fel årtal i § 3.");
		Minutes first = this.certification.version(id(), 1);
		assertThat(first.isCertified()).isTrue();
		assertThat(first.getHtml()).contains("driftdetaljbudgeten").doesNotContain("godkänner budgeten för 2024");
		assertThat(second.getHtml()).contains("godkänner budgeten för 2024", "Fel årtal i § 3.");
	}

	@Test
	void aChangeAfterDrawingOutdatesTheDraft() {
		Minutes draft = this.certification.draw(id());
		MeetingRecord record = this.conduct.record(id()).orElseThrow();
		this.conduct.dissent(id(), record.getVersion(), this.f.matterItem(this.planning, this.f.budget()).getId(),
				this.f.member2(), "Motivering.");
		SignedIn.as(this.accounts, this.chairUser);
		assertThatThrownBy(() -> this.certification.sign(id(), PASSWORD, draft.getPdfSha256()))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("minutes.outdated");
		Minutes redrawn = this.certification.draw(id());
		assertThat(redrawn.getHtml()).contains("reserverar sig mot beslutet med följande motivering: Motivering.");
	}

	Minutes certify() {
		this.certification.draw(id());
		SignedIn.as(this.accounts, this.chairUser);
		this.certification.sign(id(), PASSWORD, null);
		SignedIn.as(this.accounts, this.checkerUser);
		Minutes certified = this.certification.sign(id(), PASSWORD, null);
		// The notice-board postings and the dispatch follow the commit on the event executor.
		assertThat(this.events.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
		return certified;
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	public static void assertPdfA2u(byte[] pdf) throws Exception {
		org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
		try (org.verapdf.pdfa.PDFAParser parser = org.verapdf.pdfa.Foundries.defaultInstance()
			.createParser(new java.io.ByteArrayInputStream(pdf));
				org.verapdf.pdfa.PDFAValidator validator = org.verapdf.pdfa.Foundries.defaultInstance()
					.createValidator(org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_U, false)) {
			org.verapdf.pdfa.results.ValidationResult result = validator.validate(parser);
			assertThat(result.isCompliant())
				.as("PDF/A-2u failures: %s", result.getTestAssertions()
					.stream()
					.filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
					.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
					.distinct()
					.limit(10)
					.toList())
				.isTrue();
		}
	}

}
