package se.paragraf.shared.audit;

import org.hibernate.envers.RevisionListener;

import se.paragraf.shared.security.CurrentUser;

/**
 * Records the signed-in user on each revision.
 */
public class RevisionUserListener implements RevisionListener {

	@Override
	public void newRevision(Object revision) {
		((Revision) revision).setUsername(CurrentUser.name());
	}

}
