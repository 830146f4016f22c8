package se.paragraf.plans;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A plan with everything in it, as it is rendered in documents and on its page.
 */
public record PlanView(OperationsPlan plan, String boardCode, String boardName, List<PlanSection> sections,
		List<Priority> priorities, List<GoalView> goals, List<UnitDescription> units, @Nullable Instant decidedAt) {

	/** The span of the goals, "2022-2025", or the plan's year if they have none. */
	public String goalPeriod() {
		int first = this.goals.stream().mapToInt(g -> g.goal().getFirstYear()).min().orElse(this.plan.getYear());
		int last = this.goals.stream().mapToInt(g -> g.goal().getLastYear()).max().orElse(this.plan.getYear());
		return first == last ? String.valueOf(first) : first + "-" + last;
	}

	/** A goal with its indicators. */
	public record GoalView(StrategicGoal goal, List<IndicatorView> indicators) {
	}

	/** An indicator with its measurements, oldest period first. */
	public record IndicatorView(Indicator indicator, List<Measurement> measurements) {

		public @Nullable Measurement latest() {
			return this.measurements.isEmpty() ? null : this.measurements.get(this.measurements.size() - 1);
		}

	}

}
