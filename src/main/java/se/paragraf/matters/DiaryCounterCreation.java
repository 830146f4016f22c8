package se.paragraf.matters;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a year's counter in a transaction of its own: when two registrations open a year at the
 * same moment one insert wins, the other fails harmlessly, and both go on to lock the same row.
 */
@Component
class DiaryCounterCreation {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	DiaryCounterCreation(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void createIfMissing(Long boardId, int year) {
		try {
			this.ownTransaction.executeWithoutResult(status -> {
				Integer existing = this.jdbc.queryForObject(
						"select count(*) from diary_counter where board_id = ? and diary_year = ?", Integer.class,
						boardId, year);
				if (existing == null || existing == 0) {
					this.jdbc.update("insert into diary_counter (board_id, diary_year, last_serial) values (?, ?, 0)",
							boardId, year);
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another registration created it first; that is all we wanted.
		}
	}

}
