package se.paragraf.shared.mail;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FailedMails extends JpaRepository<FailedMail, Long> {

	/** The failure, locked, so that two clicks on "Försök igen" send it once. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select f from FailedMail f where f.id = :id")
	Optional<FailedMail> lockById(@Param("id") Long id);

	List<FailedMail> findByMeetingIdAndResolvedAtIsNullOrderByIdAsc(Long meetingId);

	List<FailedMail> findByBoardIdInAndResolvedAtIsNullOrderByIdAsc(Collection<Long> boardIds);

	List<FailedMail> findByKindAndReferenceAndResolvedAtIsNullOrderByIdAsc(MailKind kind, String reference);

	/** The open failures of the same mail: same kind, about the same thing, to the same address. */
	@Query("""
			select f from FailedMail f where f.resolvedAt is null and f.kind = :kind and f.address = :address
			and (f.boardId = :boardId or (f.boardId is null and :boardId is null))
			and (f.meetingId = :meetingId or (f.meetingId is null and :meetingId is null))
			and (f.reference = :reference or (f.reference is null and :reference is null))
			order by f.id""")
	List<FailedMail> findOpen(@Param("kind") MailKind kind, @Param("boardId") @Nullable Long boardId,
			@Param("meetingId") @Nullable Long meetingId, @Param("reference") @Nullable String reference,
			@Param("address") String address);

}
