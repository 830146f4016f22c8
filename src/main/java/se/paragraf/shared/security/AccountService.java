package se.paragraf.shared.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.shared.NotFoundException;

/**
 * Creates accounts and signs them in. Passwords are stored only as hashes.
 */
@Service
public class AccountService implements UserDetailsService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	AccountService(Accounts accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(username)
			.map(ParagrafUser::new)
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	@Transactional
	public Account create(String username, String password, Set<Role> roles, @Nullable Long personId) {
		return this.accounts.save(new Account(username, this.passwordEncoder.encode(password), roles, personId));
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return this.accounts.existsByUsername(username);
	}

	/** Every account, by username. */
	@Transactional(readOnly = true)
	public List<Account> accounts() {
		return this.accounts.findAll(Sort.by("username"));
	}

	@Transactional(readOnly = true)
	public Account account(Long id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id));
	}

	/** Sets a new password an administrator chose; only its hash is kept. */
	@Transactional
	public Account resetPassword(Long id, String password) {
		Account account = account(id);
		account.changePassword(this.passwordEncoder.encode(password));
		return account;
	}

	/** A disabled account cannot sign in; its history stays. */
	@Transactional
	public Account setEnabled(Long id, boolean enabled) {
		Account account = account(id);
		if (enabled) {
			account.enable();
		}
		else {
			account.disable();
		}
		return account;
	}

	/** A password nobody chose: 18 random bytes, URL-safe. */
	public static String generatePassword() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
