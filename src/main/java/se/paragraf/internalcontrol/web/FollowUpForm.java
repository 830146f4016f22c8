package se.paragraf.internalcontrol.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import se.paragraf.internalcontrol.FollowUp;
import se.paragraf.internalcontrol.FollowUpContent;
import se.paragraf.internalcontrol.FollowUpResult;
import se.paragraf.internalcontrol.Measure;
import se.paragraf.internalcontrol.MeasureKind;

/**
 * The follow-up form: a mutable bean because it binds a list of measure rows. Empty measure rows
 * are ignored; a half-filled one is an error.
 */
public class FollowUpForm {

	static final int MEASURE_ROWS = 3;

	private @Nullable Long pointId;

	@Size(max = 12)
	private String board = "";

	private @Nullable Integer year;

	private @Nullable Boolean performed;

	private @Nullable FollowUpResult result;

	@Size(max = 100_000)
	private String remark = "";

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate date;

	@Size(max = 5000)
	private String reason = "";

	@Valid
	private List<MeasureRow> measures = new ArrayList<>();

	public FollowUpForm() {
		pad();
	}

	static FollowUpForm of(Long pointId, String board, int year, @Nullable FollowUp followUp, LocalDate today) {
		FollowUpForm form = new FollowUpForm();
		form.pointId = pointId;
		form.board = board;
		form.year = year;
		form.date = today;
		if (followUp != null) {
			form.performed = followUp.isPerformed();
			form.result = followUp.getResult();
			form.remark = followUp.getRemark();
			form.date = followUp.getDate();
			form.measures = new ArrayList<>();
			for (Measure measure : followUp.getMeasures()) {
				MeasureRow row = new MeasureRow();
				row.setKind(measure.getKind());
				row.setDescription(measure.getDescription());
				row.setOwner(measure.getOwner());
				row.setDueDate(measure.getDueDate());
				form.measures.add(row);
			}
			form.pad();
		}
		return form;
	}

	final void pad() {
		while (this.measures.size() < MEASURE_ROWS) {
			this.measures.add(new MeasureRow());
		}
	}

	/** The content the service checks; null when a measure row is half filled. */
	@Nullable
	FollowUpContent content() {
		List<Measure> list = new ArrayList<>();
		for (MeasureRow row : this.measures) {
			if (row.isEmpty()) {
				continue;
			}
			if (row.getKind() == null || row.getDueDate() == null || row.getDescription().isBlank()
					|| row.getOwner().isBlank()) {
				return null;
			}
			list.add(new Measure(row.getKind(), row.getDescription().strip(), row.getOwner().strip(), row.getDueDate()));
		}
		return new FollowUpContent(Boolean.TRUE.equals(this.performed), this.result, this.remark,
				this.date == null ? LocalDate.EPOCH : this.date, list);
	}

	public @Nullable Long getPointId() {
		return this.pointId;
	}

	public void setPointId(@Nullable Long pointId) {
		this.pointId = pointId;
	}

	public String getBoard() {
		return this.board;
	}

	public void setBoard(String board) {
		this.board = board;
	}

	public @Nullable Integer getYear() {
		return this.year;
	}

	public void setYear(@Nullable Integer year) {
		this.year = year;
	}

	public @Nullable Boolean getPerformed() {
		return this.performed;
	}

	public void setPerformed(@Nullable Boolean performed) {
		this.performed = performed;
	}

	public @Nullable FollowUpResult getResult() {
		return this.result;
	}

	public void setResult(@Nullable FollowUpResult result) {
		this.result = result;
	}

	public String getRemark() {
		return this.remark;
	}

	public void setRemark(@Nullable String remark) {
		this.remark = remark == null ? "" : remark;
	}

	public @Nullable LocalDate getDate() {
		return this.date;
	}

	public void setDate(@Nullable LocalDate date) {
		this.date = date;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason == null ? "" : reason;
	}

	public List<MeasureRow> getMeasures() {
		return this.measures;
	}

	public void setMeasures(List<MeasureRow> measures) {
		this.measures = measures;
	}

	/** One row of the measures table. */
	public static class MeasureRow {

		private @Nullable MeasureKind kind;

		@Size(max = 100_000)
		private String description = "";

		@Size(max = 200)
		private String owner = "";

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate dueDate;

		boolean isEmpty() {
			return this.description.isBlank() && this.owner.isBlank() && this.dueDate == null;
		}

		public @Nullable MeasureKind getKind() {
			return this.kind;
		}

		public void setKind(@Nullable MeasureKind kind) {
			this.kind = kind;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description == null ? "" : description;
		}

		public String getOwner() {
			return this.owner;
		}

		public void setOwner(@Nullable String owner) {
			this.owner = owner == null ? "" : owner;
		}

		public @Nullable LocalDate getDueDate() {
			return this.dueDate;
		}

		public void setDueDate(@Nullable LocalDate dueDate) {
			this.dueDate = dueDate;
		}

	}

}
