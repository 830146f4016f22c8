package se.paragraf.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;

/**
 * The rules the organisation keeps, whoever asks for the change (admin screen, API, demo data).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationRulesIntegrationTests {

	@Autowired
	Organisation organisation;

	static RuleViolation violation(Runnable change) {
		try {
			change.run();
		}
		catch (RuleViolation v) {
			return v;
		}
		throw new AssertionError("expected a RuleViolation");
	}

	@Test
	void requiresFourDigitMunicipalityCodes() {
		for (String code : new String[] { "123", "12345", "20a5", "", "abcd" }) {
			assertThat(violation(() -> this.organisation.addMunicipality(OrganisationFixtures.unique("K"), code)).code())
				.isEqualTo("municipality.code.format");
		}
	}

	@Test
	void refusesATakenMunicipalityCodeOrName() {
		Municipality m = OrganisationFixtures.municipality(this.organisation);
		assertThat(violation(() -> this.organisation.addMunicipality(OrganisationFixtures.unique("K"), m.getCode())).code())
			.isEqualTo("municipality.code.taken");
		assertThat(violation(() -> this.organisation.addMunicipality(m.getName(),
				OrganisationFixtures.municipalityCode(this.organisation))).code())
			.isEqualTo("municipality.name.taken");
	}

	@Test
	void requiresBoardCodesOfTwoToTwelveLettersAndStoresThemUpperCase() {
		Municipality host = OrganisationFixtures.municipality(this.organisation);
		for (String code : new String[] { "G", "GSN1", "ABCDEFGHIJKLM", "G S", "" }) {
			assertThat(violation(() -> this.organisation.addBoard(code, "N", BoardKind.ORDINARY, host.getId(), null,
					Set.of())).field()).isEqualTo("code");
		}
		String code = OrganisationFixtures.boardCode();
		Board board = this.organisation.addBoard(code.toLowerCase(), "N", BoardKind.ORDINARY, host.getId(), null,
				Set.of());
		assertThat(board.getCode()).isEqualTo(code);
		assertThat(violation(() -> this.organisation.addBoard(code, "N", BoardKind.ORDINARY, host.getId(), null,
				Set.of())).code()).isEqualTo("board.code.taken");
	}

	@Test
	void requiresAPartnerBesidesTheHostForAJointBoard() {
		Municipality host = OrganisationFixtures.municipality(this.organisation);
		assertThat(violation(() -> this.organisation.addBoard(OrganisationFixtures.boardCode(), "N", BoardKind.JOINT,
				host.getId(), null, Set.of(host.getId()))).code()).isEqualTo("board.joint.partnersRequired");
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		assertThat(violation(() -> this.organisation.updateBoard(board.getId(), board.getVersion(), "N",
				BoardKind.JOINT, board.getHostMunicipalityId(), null, Set.of())).code())
			.isEqualTo("board.joint.partnersRequired");
	}

	@Test
	void refusesAStaleBoardOrPersonVersion() {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		this.organisation.updateBoard(board.getId(), board.getVersion(), "Ändrad", BoardKind.ORDINARY,
				board.getHostMunicipalityId(), null, Set.of());
		assertThatThrownBy(() -> this.organisation.updateBoard(board.getId(), board.getVersion(), "Igen",
				BoardKind.ORDINARY, board.getHostMunicipalityId(), null, Set.of()))
			.isInstanceOf(StaleVersionException.class);
		Person person = OrganisationFixtures.person(this.organisation);
		this.organisation.updatePerson(person.getId(), person.getVersion(), "A", "B", null, null);
		assertThatThrownBy(() -> this.organisation.updatePerson(person.getId(), person.getVersion(), "C", "D", null,
				null)).isInstanceOf(StaleVersionException.class);
	}

	@Test
	void checksTheEmailFormat() {
		for (String email : new String[] { "anna", "anna@", "@ludvika.se", "anna@ludvika", "an na@ludvika.se",
				"a@@b.se" }) {
			assertThat(violation(() -> this.organisation.addPerson("A", "B", email, null)).code())
				.as(email)
				.isEqualTo("person.email.format");
		}
		assertThat(this.organisation.addPerson("Anna", "Källsved", "anna.kallsved@ludvika.se", null).getEmail())
			.isEqualTo("anna.kallsved@ludvika.se");
		assertThat(this.organisation.addPerson("Utan", "Epost", " ", null).getEmail()).isNull();
	}

	@Test
	void refusesATermThatEndsBeforeItStarts() {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		Person person = OrganisationFixtures.person(this.organisation);
		assertThat(violation(() -> this.organisation.addMembership(person.getId(), board.getId(),
				MembershipRole.MEMBER, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1))).code())
			.isEqualTo("membership.term.endBeforeStart");
	}

	/**
	 * Over many random terms: a second membership of the same person on the same board is refused
	 * exactly when the terms share a day; a chair, vice chair or secretary is refused exactly when
	 * another holder's term shares a day.
	 */
	@Test
	void refusesOverlappingTermsAndSecondHoldersOfSingleRoles() {
		long seed = new Random().nextLong();
		Random random = new Random(seed);
		LocalDate base = LocalDate.of(2023, 1, 1);
		for (int i = 0; i < 40; i++) {
			Board board = OrganisationFixtures.jointBoard(this.organisation);
			Person first = OrganisationFixtures.person(this.organisation);
			Person second = OrganisationFixtures.person(this.organisation);
			LocalDate s1 = base.plusDays(random.nextInt(60));
			LocalDate e1 = s1.plusDays(random.nextInt(60));
			LocalDate s2 = base.plusDays(random.nextInt(60));
			LocalDate e2 = s2.plusDays(random.nextInt(60));
			boolean overlap = !e1.isBefore(s2) && !e2.isBefore(s1);
			MembershipRole role = MembershipRole.values()[random.nextInt(MembershipRole.values().length)];
			this.organisation.addMembership(first.getId(), board.getId(), role, s1, e1);
			String context = "seed " + seed + ", case " + i + ": " + s1 + ".." + e1 + " / " + s2 + ".." + e2;
			if (overlap) {
				assertThat(violation(() -> this.organisation.addMembership(first.getId(), board.getId(),
						MembershipRole.SUBSTITUTE, s2, e2)).code()).as(context).isEqualTo("membership.overlaps");
			}
			else {
				this.organisation.addMembership(first.getId(), board.getId(), MembershipRole.SUBSTITUTE, s2, e2);
			}
			boolean single = role == MembershipRole.CHAIR || role == MembershipRole.VICE_CHAIR
					|| role == MembershipRole.SECRETARY;
			if (single && overlap) {
				assertThat(violation(() -> this.organisation.addMembership(second.getId(), board.getId(), role, s2,
						e2)).code()).as(context).isEqualTo("membership.role.taken");
			}
			else {
				this.organisation.addMembership(second.getId(), board.getId(), role, s2, e2);
			}
		}
	}

}
