package se.paragraf.internalcontrol;

import se.paragraf.shared.RuleViolation;

/**
 * A submitted follow-up was asked to change; it is locked, and only a correction can replace it.
 */
public class FollowUpLocked extends RuleViolation {

	public FollowUpLocked(Long followUpId) {
		super("internalcontrol.followUp.locked", followUpId);
	}

}
