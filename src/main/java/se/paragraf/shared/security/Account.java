package se.paragraf.shared.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A login. An account may stand for a person of the organisation (a member signs as themselves).
 * It signs in with a password, or through single sign-on: then it is known by the provider's issuer
 * and subject, has no password, and takes its roles and boards from the provider's groups.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "person_id")
	private @Nullable Long personId;

	private boolean enabled = true;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	/** The OpenID provider that signs this account on, or null for a password account. */
	private @Nullable String issuer;

	/** The provider's stable identifier of the user ({@code sub}). */
	private @Nullable String subject;

	/** Codes of the boards whose secrets a single sign-on member or substitute reads, from the groups. */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "account_board", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "board_code")
	private Set<String> boards = new TreeSet<>();

	@Version
	private long version;

	protected Account() {
		this.username = "";
		this.passwordHash = "";
	}

	public Account(String username, String passwordHash, Set<Role> roles, @Nullable Long personId) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.personId = personId;
	}

	/** An account the provider signs on: no password, known by issuer and subject. */
	static Account signedOn(String username, String issuer, String subject, Set<Role> roles, Set<String> boards,
			@Nullable Long personId) {
		Account account = new Account(username, "", roles, personId);
		account.issuer = issuer;
		account.subject = subject;
		account.boards = new TreeSet<>(boards);
		return account;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public @Nullable Long getPersonId() {
		return this.personId;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Set<Role> getRoles() {
		return Set.copyOf(this.roles);
	}

	public boolean isSingleSignOn() {
		return this.issuer != null;
	}

	public @Nullable String getIssuer() {
		return this.issuer;
	}

	public @Nullable String getSubject() {
		return this.subject;
	}

	/** Whether the account can sign in with a password at all. */
	public boolean hasPassword() {
		return !this.passwordHash.isEmpty();
	}

	public Set<String> getBoards() {
		return Set.copyOf(this.boards);
	}

	/**
	 * Takes roles, boards and person from the provider's latest claims.
	 * @return whether anything changed
	 */
	boolean takeClaims(Set<Role> roles, Set<String> boards, @Nullable Long personId) {
		boolean changed = !this.roles.equals(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles))
				|| !this.boards.equals(new TreeSet<>(boards)) || !Objects.equals(this.personId, personId);
		if (changed) {
			grant(roles);
			this.boards.clear();
			this.boards.addAll(boards);
			this.personId = personId;
		}
		return changed;
	}

	public void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public void linkTo(@Nullable Long personId) {
		this.personId = personId;
	}

	public void grant(Set<Role> roles) {
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public void disable() {
		this.enabled = false;
	}

	public void enable() {
		this.enabled = true;
	}

}
