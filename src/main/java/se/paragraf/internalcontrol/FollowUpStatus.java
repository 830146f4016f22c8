package se.paragraf.internalcontrol;

/**
 * A follow-up is a draft until it is submitted; a submitted one is locked.
 */
public enum FollowUpStatus {

	DRAFT, SUBMITTED

}
