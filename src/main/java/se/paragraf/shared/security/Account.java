package se.paragraf.shared.security;

import java.util.EnumSet;
import java.util.Set;

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
