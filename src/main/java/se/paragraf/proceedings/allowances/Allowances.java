package se.paragraf.proceedings.allowances;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.RecordState;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.security.CurrentUser;

/**
 * Allowances from the recorded attendance. What counts is read from the record of each meeting the
 * board held in the month (closed or certified: a meeting still being recorded is not yet a basis
 * for pay) and the board's {@link AllowanceRules}. A person's time at a meeting is the meeting's
 * length times the share of its agenda items she was present for: the record knows items, not
 * clock times, of arrivals and departures. Payroll gets closed runs; a run never changes, and what
 * changes in the record afterwards reaches payroll as correction lines in the next run.
 */
@Service
@Transactional(readOnly = true)
public class Allowances {

	/** Meetings whose record is finished enough to pay from. */
	private static final Set<RecordState> HELD = EnumSet.of(RecordState.CLOSED, RecordState.CERTIFIED,
			RecordState.IN_CORRECTION);

	private final Organisation organisation;

	private final MeetingPlanning planning;

	private final MeetingConduct conduct;

	private final AllowanceRuleBook rules;

	private final PayrollRuns runs;

	private final Clock clock;

	Allowances(Organisation organisation, MeetingPlanning planning, MeetingConduct conduct, AllowanceRuleBook rules,
			PayrollRuns runs, Clock clock) {
		this.organisation = organisation;
		this.planning = planning;
		this.conduct = conduct;
		this.rules = rules;
		this.runs = runs;
		this.clock = clock;
	}

	/** A month as written in addresses and forms ({@code 2024-03}); a Swedish field error otherwise. */
	public static YearMonth month(String text) {
		try {
			YearMonth month = YearMonth.parse(text.strip());
			if (month.getYear() < 2000 || month.getYear() > 2100) {
				throw RuleViolation.onField("month", "allowances.month.invalid");
			}
			return month;
		}
		catch (DateTimeParseException ex) {
			throw RuleViolation.onField("month", "allowances.month.invalid");
		}
	}

	public AllowanceRules rules(String boardCode) {
		Board board = this.organisation.board(boardCode);
		return this.rules.findById(board.getId()).orElseGet(() -> AllowanceRules.defaults(board.getId()));
	}

	/** Sets the board's rules; the caller has validated them ({@link RulesInput}). */
	@Transactional
	public AllowanceRules setRules(String boardCode, RulesInput input) {
		Board board = this.organisation.board(boardCode);
		AllowanceRules rules = this.rules.findById(board.getId()).orElseGet(() -> new AllowanceRules(board.getId()));
		rules.change(input.minimum(), input.fullDay(), input.substitutesCount(),
				this.clock.instant(), CurrentUser.name());
		return this.rules.saveAndFlush(rules);
	}

	/** What the record gives for the month now, by person and meeting date. */
	public List<AllowanceLine> lines(String boardCode, YearMonth month) {
		Board board = this.organisation.board(boardCode);
		AllowanceRules rules = rules(boardCode);
		List<AllowanceLine> lines = new ArrayList<>();
		for (Meeting meeting : this.planning.meetings(board.getId(), month.getYear())) {
			if (!YearMonth.from(meeting.getStart()).equals(month)) {
				continue;
			}
			Optional<MeetingRecord> record = this.conduct.record(meeting.getId());
			if (record.isEmpty() || !HELD.contains(record.get().getState())) {
				continue;
			}
			lines.addAll(linesOf(meeting, record.get(), rules));
		}
		lines.sort(Comparator.comparing(AllowanceLine::personName)
			.thenComparing(AllowanceLine::personId)
			.thenComparing(AllowanceLine::meetingDate)
			.thenComparing(AllowanceLine::meetingId));
		return lines;
	}

	private List<AllowanceLine> linesOf(Meeting meeting, MeetingRecord record, AllowanceRules rules) {
		Set<Long> members = this.conduct.seats(meeting.getId()).memberIds();
		int items = meeting.getAgenda().size();
		long length = Math.max(0, Duration.between(meeting.getStart(), meeting.getEnd()).toMinutes());
		List<AllowanceLine> lines = new ArrayList<>();
		for (Attendance attendance : record.getAttendance()) {
			if (!attendance.presence().isPresent()) {
				continue;
			}
			int covered = 0;
			boolean serving = false;
			for (int item = 1; item <= items; item++) {
				if (attendance.covers(item)) {
					covered++;
					serving |= record.servingOn(item, null, members).contains(attendance.personId());
				}
			}
			if (items == 0) {
				covered = 1;
				items = 1;
				serving = members.contains(attendance.personId());
			}
			if (!serving && !rules.isSubstitutesNotServingCount()) {
				continue;
			}
			int minutes = (int) Math.round((double) length * covered / items);
			Optional<Rate> rate = rules.rateFor(minutes);
			if (rate.isEmpty()) {
				continue;
			}
			lines.add(new AllowanceLine(attendance.personId(), this.conduct.name(attendance.personId()), meeting.getId(),
					meeting.getStart().toLocalDate(), attendance.presence() == se.paragraf.proceedings.Presence.REMOTE,
					serving, minutes, rate.get()));
		}
		return lines;
	}

	/** The board's closed runs of the month, oldest first. */
	public List<PayrollRun> runs(String boardCode, YearMonth month) {
		return this.runs.findByBoardIdAndMonthOrderByRunNumberAsc(this.organisation.board(boardCode).getId(),
				month.toString());
	}

	public PayrollRun run(Long runId) {
		return this.runs.findById(runId).orElseThrow(() -> new NotFoundException("PayrollRun", runId));
	}

	/**
	 * What a run closed now would hold: the month's lines if nothing was paid yet; otherwise, for
	 * every person and meeting whose line differs from what the earlier runs paid, the paid line
	 * reversed (-1) and the new one (+1).
	 */
	public List<PayrollLine> pending(String boardCode, YearMonth month) {
		Map<AllowanceLine.Key, AllowanceLine> paid = paid(runs(boardCode, month));
		Map<AllowanceLine.Key, AllowanceLine> now = new LinkedHashMap<>();
		lines(boardCode, month).forEach(line -> now.put(line.key(), line));
		List<PayrollLine> pending = new ArrayList<>();
		for (AllowanceLine was : paid.values()) {
			AllowanceLine is = now.get(was.key());
			if (is == null || !is.paysLike(was)) {
				pending.add(new PayrollLine(was, -1));
			}
		}
		for (AllowanceLine is : now.values()) {
			AllowanceLine was = paid.get(is.key());
			if (was == null || !is.paysLike(was)) {
				pending.add(new PayrollLine(is, 1));
			}
		}
		return pending;
	}

	/**
	 * Closes the month's next run for payroll. Refused when there is nothing (new) to pay; two
	 * secretaries closing at once get one run, the other a conflict.
	 */
	@Transactional
	public PayrollRun close(String boardCode, YearMonth month) {
		Board board = this.organisation.board(boardCode);
		List<PayrollRun> earlier = runs(boardCode, month);
		List<PayrollLine> lines = pending(boardCode, month);
		if (lines.isEmpty()) {
			throw new RuleViolation(earlier.isEmpty() ? "allowances.nothingToPay" : "allowances.nothingChanged");
		}
		PayrollRun run = new PayrollRun(board.getId(), month.toString(), earlier.size() + 1, this.clock.instant(),
				CurrentUser.name(), lines);
		try {
			return this.runs.saveAndFlush(run);
		}
		catch (DataIntegrityViolationException ex) {
			throw new StaleVersionException("PayrollRun", board.getCode() + "/" + month);
		}
	}

	/** The run as payroll's CSV file. */
	public byte[] csv(PayrollRun run) {
		return PayrollExport.csv(run, this.organisation.board(run.getBoardId()).getCode());
	}

	/** The run as payroll's .xlsx workbook. */
	public byte[] xlsx(PayrollRun run) {
		return PayrollExport.xlsx(run, this.organisation.board(run.getBoardId()).getCode());
	}

	/** What the runs paid, net: a reversal takes back the line it reverses. */
	private static Map<AllowanceLine.Key, AllowanceLine> paid(List<PayrollRun> runs) {
		Map<AllowanceLine.Key, AllowanceLine> paid = new LinkedHashMap<>();
		for (PayrollRun run : runs) {
			for (PayrollLine line : run.getLines()) {
				AllowanceLine l = line.asLine();
				if (line.getQuantity() < 0) {
					paid.remove(l.key());
				}
				else {
					paid.put(l.key(), l);
				}
			}
		}
		return paid;
	}

}
