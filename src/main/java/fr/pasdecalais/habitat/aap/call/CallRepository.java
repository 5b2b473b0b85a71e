package fr.pasdecalais.habitat.aap.call;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CallRepository extends JpaRepository<CallForProjects, Long> {

  @Query("select c from CallForProjects c where c.reference = ?1")
  Optional<CallForProjects> findByReference(String reference);

  /**
   * The call's selection criteria in their order, read alone: a call loads fifteen collections, the jury's
   * forms and checks need this one.
   */
  @Query("select sc from CallForProjects c join c.selectionCriteria sc where c.reference = ?1 order by index(sc)")
  List<SelectionCriterion> selectionCriteria(String reference);

  @Query("select count(c) > 0 from CallForProjects c where c.reference = ?1")
  boolean existsByReference(String reference);

  List<CallForProjects> findAllByOrderByReferenceAsc();

  /** The call's version (see {@link CallSnapshots}). */
  @Query("select c.version from CallForProjects c where c.reference = ?1")
  Optional<Long> versionOf(String reference);

  /**
   * The call's row, locked until the transaction ends (see {@link CallArrivals}): the row alone, as
   * {@code PESSIMISTIC_WRITE} locked it (Hibernate writes {@code for update} on H2 and PostgreSQL), without
   * loading the call's collections.
   */
  @Query(value = "select id from call_for_projects where reference = ?1 for update", nativeQuery = true)
  Optional<Long> lockByReference(String reference);
}
