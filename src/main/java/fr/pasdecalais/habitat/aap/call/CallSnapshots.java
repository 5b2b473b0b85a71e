package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.hibernate.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calls as the other capabilities read them: a call with its fifteen collections takes sixteen
 * statements to load, and a dossier's lifecycle reads its call about twenty times. A call changes
 * rarely (publication, its statuses), and each change raises its version (JPA {@code @Version}); so
 * each read asks the call's version (one statement) and reuses the copy loaded at that version, or
 * loads a new one.
 *
 * <p>A copy is loaded in a session of its own over the caller's connection and transaction (what the
 * caller's transaction sees, no second connection taken from the pool), then detached: it is never in
 * a caller's persistence context, so no caller's flush can write it, and a caller that changes a call
 * reads it from the repository ({@link CallCatalog#publish}, {@link CallCatalog#moveTo}). Its getters
 * return copies of its collections; readers in several threads share it. A copy loaded from changes not
 * yet committed carries a version the database does not hold once they are rolled back: it is then
 * replaced at its next read, never reused.
 */
@Component
class CallSnapshots {

  private final CallRepository calls;
  private final ConcurrentMap<String, CallForProjects> byReference = new ConcurrentHashMap<>();

  @PersistenceContext
  private EntityManager entityManager;

  CallSnapshots(CallRepository calls) {
    this.calls = calls;
  }

  /** The call at its current version, shared read-only; empty for an unknown reference. */
  @Transactional(readOnly = true)
  public Optional<CallForProjects> find(String reference) {
    Optional<Long> version = calls.versionOf(reference);
    if (version.isEmpty()) {
      byReference.remove(reference);
      return Optional.empty();
    }
    CallForProjects known = byReference.get(reference);
    if (known != null && known.getVersion() == version.get()) {
      return Optional.of(known);
    }
    Optional<CallForProjects> loaded = load(reference);
    loaded.ifPresentOrElse(c -> byReference.put(reference, c), () -> byReference.remove(reference));
    return loaded;
  }

  private Optional<CallForProjects> load(String reference) {
    Session caller = entityManager.unwrap(Session.class);
    try (Session own = caller.sessionWithOptions().connection().openSession()) {
      own.setDefaultReadOnly(true);
      return own.createSelectionQuery("select c from CallForProjects c where c.reference = :reference", CallForProjects.class)
          .setParameter("reference", reference).uniqueResultOptional();
    }
  }
}
