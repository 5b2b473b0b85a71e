package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of calls: what other capabilities ask about a call (by reference, a lot by code,
 * whether a lot's window is open at an instant) and how calls are created, published and moved
 * through their statuses. Public methods here are a contract: keep them stable.
 */
@Service
public class CallCatalog {

  private final CallRepository calls;
  private final TerritoryRepository territories;
  private final CallDefinitionValidator validator;
  private final JurySessionRepository sessions;
  private final CallSnapshots snapshots;

  public CallCatalog(CallRepository calls, TerritoryRepository territories, CallDefinitionValidator validator,
      JurySessionRepository sessions, CallSnapshots snapshots) {
    this.sessions = sessions;
    this.snapshots = snapshots;
    this.calls = calls;
    this.territories = territories;
    this.validator = validator;
  }

  /** The call, read-only and shared between readers (see {@link CallSnapshots}): change it through this catalogue. */
  @Transactional(readOnly = true)
  public Optional<CallForProjects> findByReference(String reference) {
    return snapshots.find(reference);
  }

  /** The call (read-only, as {@link #findByReference}), or a 404 problem with a French message. */
  @Transactional(readOnly = true)
  public CallForProjects getByReference(String reference) {
    return snapshots.find(reference).orElseThrow(() -> unknown(reference));
  }

  /** The call in this transaction's persistence context, for a change. */
  private CallForProjects managed(String reference) {
    return calls.findByReference(reference).orElseThrow(() -> unknown(reference));
  }

  /**
   * The call's selection criteria in their order, without loading the rest of the call; a 404 problem
   * when the call is unknown.
   */
  @Transactional(readOnly = true)
  public List<SelectionCriterion> selectionCriteria(String reference) {
    List<SelectionCriterion> criteria = calls.selectionCriteria(reference);
    // none read: an unknown call (404) or a call without criteria (an empty list)
    if (criteria.isEmpty() && !calls.existsByReference(reference)) {
      throw unknown(reference);
    }
    return criteria;
  }

  /**
   * The call as someone sees it: agents see every call, anybody else ({@code seesDrafts} false)
   * only published ones; a draft answers the same 404 as an unknown reference, so that its
   * existence is not revealed.
   */
  @Transactional(readOnly = true)
  public CallForProjects getVisible(String reference, boolean seesDrafts) {
    return snapshots.find(reference).filter(c -> seesDrafts || c.getStatus().isPublic())
        .orElseThrow(() -> unknown(reference));
  }

  /** The catalogue as someone sees it (see {@link #getVisible}). */
  @Transactional(readOnly = true)
  public List<CallForProjects> findVisible(boolean seesDrafts) {
    return calls.findAllByOrderByReferenceAsc().stream().filter(c -> seesDrafts || c.getStatus().isPublic()).toList();
  }

  private static DomainException unknown(String reference) {
    return DomainException.notFound("Aucun appel à projets n'a la référence « " + reference + " ».");
  }

  @Transactional(readOnly = true)
  public Optional<CallForProjects> findById(Long id) {
    return calls.findById(id);
  }

  @Transactional(readOnly = true)
  public List<CallForProjects> findAll() {
    return calls.findAllByOrderByReferenceAsc();
  }

  @Transactional(readOnly = true)
  public Optional<CallLot> findLot(String callReference, String lotCode) {
    return snapshots.find(callReference).flatMap(c -> c.lot(lotCode));
  }

  /** The lot, or a 404 problem with a French message. */
  @Transactional(readOnly = true)
  public CallLot getLot(String callReference, String lotCode) {
    return getByReference(callReference).lot(lotCode).orElseThrow(() -> DomainException.notFound(
        "L'appel « " + callReference + " » n'a pas de lot « " + lotCode + " »."));
  }

  /** True from the lot's opening to its closing instant, both included. */
  public boolean isOpen(CallLot lot, Instant instant) {
    return lot.isOpenAt(instant);
  }

  @Transactional(readOnly = true)
  public boolean isOpen(String callReference, String lotCode, Instant instant) {
    return findLot(callReference, lotCode).map(l -> l.isOpenAt(instant)).orElse(false);
  }


  @Transactional(readOnly = true)
  public List<Territory> territories() {
    return territories.findAllByOrderByKindAscNameAsc();
  }

  @Transactional(readOnly = true)
  public Optional<Territory> territory(String code) {
    return territories.findById(code);
  }

  /** Every problem of a definition (empty when valid), fields and French messages. */
  @Transactional(readOnly = true)
  public List<FieldProblem> problems(CallDefinition definition) {
    return validator.problems(definition);
  }

  /**
   * Creates a DRAFT call from a definition: 400 listing every faulty field, 409 when the
   * reference is taken.
   */
  @Transactional
  public CallForProjects create(CallDefinition definition) {
    List<FieldProblem> problems = validator.problems(definition);
    if (!problems.isEmpty()) {
      throw DomainException.invalid(problems);
    }
    if (calls.existsByReference(definition.reference())) {
      throw DomainException.conflict("Un appel à projets a déjà la référence « " + definition.reference() + " ».");
    }
    return calls.saveAndFlush(CallForProjects.fromDefinition(definition, EngineClock.now()));
  }

  /** DRAFT → PUBLISHED. */
  @Transactional
  public CallForProjects publish(String reference) {
    CallForProjects call = managed(reference);
    call.publish(EngineClock.now());
    return call;
  }

  /**
   * Records the status a selection step reached, unless a lot of the call is still open (a call
   * decided lot by lot stays OPEN while its last lot receives dossiers).
   */
  @Transactional
  public CallForProjects advance(String reference, CallStatus status) {
    CallForProjects call = managed(reference);
    java.time.Instant now = EngineClock.now();
    if (call.getLots().stream().noneMatch(l -> now.isBefore(l.getClosesAt().toInstant()))) {
      call.moveTo(status);
    }
    return call;
  }

  /** Records the status the call's process reached. */
  @Transactional
  public CallForProjects moveTo(String reference, CallStatus status) {
    CallForProjects call = managed(reference);
    call.moveTo(status);
    return call;
  }


  /** A jury session of a call (what a jury opinion is opened for). */
  @Transactional(readOnly = true)
  public Optional<JurySession> jurySession(Long id) {
    return sessions.findById(id);
  }
}
