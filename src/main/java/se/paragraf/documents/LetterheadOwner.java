package se.paragraf.documents;

/**
 * Who a letterhead belongs to: an administration (förvaltning) or a board (nämnd). The owner's id is
 * the organisation's; a board without its own letterhead uses its administration's.
 */
public enum LetterheadOwner {

	ADMINISTRATION, BOARD

}
